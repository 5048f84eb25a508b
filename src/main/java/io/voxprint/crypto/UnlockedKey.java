package io.voxprint.crypto;

import io.voxprint.crypto.CryptoException.Kind;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key record together with its opened data key and the key-encryption key that opened it, so
 * a rotation or a passphrase change needs no second prompt. {@link #close()} zeroes both keys.
 */
public final class UnlockedKey implements AutoCloseable {

    private final KeyRecord record;
    private final DataKey dataKey;
    private final byte[] kek;

    UnlockedKey(KeyRecord record, DataKey dataKey, byte[] kek) {
        this.record = record;
        this.dataKey = dataKey;
        this.kek = kek.clone();
    }

    public KeyRecord record() {
        return record;
    }

    public DataKey dataKey() {
        return dataKey;
    }

    /** Seals values bound to this database. */
    public String databaseId() {
        return record.databaseId();
    }

    /** A new data key wrapped by the same key-encryption key; the caller re-seals every value with it. */
    public UnlockedKey rotated() {
        DataKey fresh = DataKey.generate();
        KeyRecord next = new KeyRecord(record.databaseId(), record.protection(), fresh.id(), record.argon2id(), null,
                System.currentTimeMillis());
        return new UnlockedKey(Keys.wrap(next, fresh, kek), fresh, kek);
    }

    /** The same data key under a new passphrase (new salt): nothing but the key record changes. */
    public UnlockedKey withPassphrase(char[] passphrase, Argon2id parameters) {
        Keys.checkNewPassphrase(passphrase);
        byte[] newKek = parameters.derive(passphrase);
        try {
            KeyRecord next = new KeyRecord(record.databaseId(), Protection.PASSPHRASE, record.keyId(), parameters, null,
                    System.currentTimeMillis());
            return new UnlockedKey(Keys.wrap(next, dataKey, newKek), dataKey, newKek);
        } finally {
            Secrets.zero(newKek);
        }
    }

    /** The same data key under a new random key kept in the keyring. */
    public UnlockedKey withKeyring(Keyring keyring) {
        byte[] newKek = Secrets.random(DataKey.KEY_BYTES);
        try {
            keyring.store(record.databaseId(), newKek);
            KeyRecord next = new KeyRecord(record.databaseId(), Protection.KEYRING, record.keyId(), null, null,
                    System.currentTimeMillis());
            return new UnlockedKey(Keys.wrap(next, dataKey, newKek), dataKey, newKek);
        } finally {
            Secrets.zero(newKek);
        }
    }

    SecretKeySpec kekSpec() {
        if (kek.length != DataKey.KEY_BYTES) {
            throw new CryptoException(Kind.WRONG_KEY, "The key-encryption key has the wrong length.");
        }
        return new SecretKeySpec(kek, "AES");
    }

    @Override
    public void close() {
        dataKey.close();
        Secrets.zero(kek);
    }
}
