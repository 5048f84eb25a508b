package io.voxprint.crypto;

/** Where a key-encryption key can live instead of a passphrase: the desktop's keyring. */
public interface Keyring {

    /** Keeps {@code secret} for the database; replaces an earlier one. */
    void store(String databaseId, byte[] secret);

    /** The secret kept for the database; one sentence when there is none or no keyring answers. */
    byte[] lookup(String databaseId);

    /** Forgets the database's secret (after a switch to a passphrase); quiet when there is none. */
    void delete(String databaseId);
}
