package io.voxprint.crypto;

import io.voxprint.common.UserFacing;

/**
 * A refusal of the key or sealing layer that a user can act on. {@link #getMessage()} is one readable
 * sentence and never contains a secret; {@link #kind()} lets callers audit and choose an exit code.
 */
public final class CryptoException extends RuntimeException implements UserFacing {

    /** What went wrong, coarse enough for a caller to branch on. */
    public enum Kind {
        /** The passphrase (or keyring secret) does not open the key record. */
        WRONG_KEY,
        /** The key record fails its checksum or cannot be parsed. */
        DAMAGED_KEY_RECORD,
        /** A sealed value does not authenticate for the place it was read from: moved, copied in or altered. */
        MISPLACED_VALUE,
        /** No desktop keyring (Secret Service) can be reached. */
        MISSING_KEYRING,
        /** No passphrase could be read (no terminal, no file), or the one given is unusable. */
        NO_PASSPHRASE,
        /** The key record or a sealed value was written by a newer Voxprint. */
        NEWER_FORMAT,
        /** The database is protected and has not been unlocked. */
        LOCKED
    }

    private final Kind kind;

    public CryptoException(Kind kind, String sentence) {
        super(sentence);
        this.kind = kind;
    }

    public CryptoException(Kind kind, String sentence, Throwable cause) {
        super(sentence, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
