package io.voxprint.store;

import io.voxprint.common.UserFacing;

/**
 * A failure of the voiceprint store that a user can act on. {@link #getMessage()} is one readable
 * sentence; {@link #kind()} lets callers choose an exit code or a dialog without parsing it.
 */
public final class StoreException extends RuntimeException implements UserFacing {

    /** What went wrong, coarse enough for a caller to branch on. */
    public enum Kind {
        UNKNOWN_SPEAKER, DUPLICATE_NAME, INVALID_INPUT, DAMAGED, NEWER_VERSION, READ_ONLY, NOT_A_FILE,
        DISK_FULL, BUSY, IO, MODEL_MISMATCH, BAD_ARCHIVE, CLOSED,
        /** A database server that cannot be reached now (down, network, no such database). */
        UNAVAILABLE,
        /** A database server that refused the login, or this change to this user. */
        ACCESS_DENIED
    }

    private final Kind kind;

    public StoreException(Kind kind, String sentence) {
        super(sentence);
        this.kind = kind;
    }

    public StoreException(Kind kind, String sentence, Throwable cause) {
        super(sentence, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
