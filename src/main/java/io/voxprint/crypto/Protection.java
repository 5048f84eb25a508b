package io.voxprint.crypto;

/** How a database's data key is kept. */
public enum Protection {
    /** Wrapped by a key derived from the user's passphrase with Argon2id. */
    PASSPHRASE,
    /** Wrapped by a random key kept in the desktop keyring (Secret Service). */
    KEYRING,
    /** The user chose no protection: templates are stored in the clear. */
    NONE
}
