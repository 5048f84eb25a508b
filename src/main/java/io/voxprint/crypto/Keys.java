package io.voxprint.crypto;

import io.voxprint.crypto.CryptoException.Kind;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/** Creating and opening key records: the only place a data key is wrapped or unwrapped. */
public final class Keys {

    static final int MIN_PASSPHRASE_CHARS = 8;

    private Keys() {
    }

    /** A new database's key under a passphrase (RFC 9106 parameters, fresh salt). */
    public static UnlockedKey createWithPassphrase(char[] passphrase) {
        return createWithPassphrase(passphrase, Argon2id.withFreshSalt());
    }

    /** As above with explicit parameters (tests and benchmarks use cheaper ones). */
    public static UnlockedKey createWithPassphrase(char[] passphrase, Argon2id parameters) {
        checkNewPassphrase(passphrase);
        DataKey key = DataKey.generate();
        byte[] kek = parameters.derive(passphrase);
        try {
            KeyRecord record = new KeyRecord(newDatabaseId(), Protection.PASSPHRASE, key.id(), parameters, null,
                    System.currentTimeMillis());
            return new UnlockedKey(wrap(record, key, kek), key, kek);
        } finally {
            Secrets.zero(kek);
        }
    }

    /** A new database's key under a random key-encryption key kept in the desktop keyring. */
    public static UnlockedKey createWithKeyring(Keyring keyring) {
        DataKey key = DataKey.generate();
        byte[] kek = Secrets.random(DataKey.KEY_BYTES);
        try {
            KeyRecord record = new KeyRecord(newDatabaseId(), Protection.KEYRING, key.id(), null, null,
                    System.currentTimeMillis());
            keyring.store(record.databaseId(), kek);
            return new UnlockedKey(wrap(record, key, kek), key, kek);
        } catch (RuntimeException e) {
            key.close();
            throw e;
        } finally {
            Secrets.zero(kek);
        }
    }

    /** The record of a database whose user chose no protection (so the question is not asked again). */
    public static KeyRecord unprotected() {
        return new KeyRecord(newDatabaseId(), Protection.NONE, "", null, null, System.currentTimeMillis());
    }

    /** Opens a passphrase record; a wrong passphrase is one sentence. */
    public static UnlockedKey unlockWithPassphrase(KeyRecord record, char[] passphrase) {
        if (record.protection() != Protection.PASSPHRASE) {
            throw new CryptoException(Kind.WRONG_KEY, "This database is protected by "
                    + (record.protection() == Protection.KEYRING ? "the desktop keyring" : "nothing") + ", not by a passphrase.");
        }
        byte[] kek = record.argon2id().derive(passphrase);
        try {
            return unwrap(record, kek, "The passphrase is wrong for this database; nothing was read or changed.");
        } finally {
            Secrets.zero(kek);
        }
    }

    /** Opens a keyring record; a missing keyring or entry is one sentence. */
    public static UnlockedKey unlockWithKeyring(KeyRecord record, Keyring keyring) {
        if (record.protection() != Protection.KEYRING) {
            throw new CryptoException(Kind.WRONG_KEY, "This database is protected by "
                    + (record.protection() == Protection.PASSPHRASE ? "a passphrase" : "nothing") + ", not by the desktop keyring.");
        }
        byte[] kek = keyring.lookup(record.databaseId());
        try {
            return unwrap(record, kek, "The desktop keyring's key does not open this database (the entry belongs to "
                    + "another copy of it); unlock it with its passphrase or restore the keyring.");
        } finally {
            Secrets.zero(kek);
        }
    }

    static KeyRecord wrap(KeyRecord record, DataKey key, byte[] kek) {
        byte[] raw = key.rawCopy();
        try {
            byte[] nonce = Secrets.random(Gcm.NONCE_BYTES);
            byte[] body = Gcm.encrypt(new SecretKeySpec(kek, "AES"), nonce, record.wrapAad(), raw, 0, raw.length);
            byte[] wrapped = new byte[nonce.length + body.length];
            System.arraycopy(nonce, 0, wrapped, 0, nonce.length);
            System.arraycopy(body, 0, wrapped, nonce.length, body.length);
            return record.withWrapped(wrapped);
        } finally {
            Secrets.zero(raw);
        }
    }

    private static UnlockedKey unwrap(KeyRecord record, byte[] kek, String wrongKey) {
        byte[] w = record.wrapped();
        if (kek.length != DataKey.KEY_BYTES || w.length != Gcm.NONCE_BYTES + DataKey.KEY_BYTES + Gcm.TAG_BYTES) {
            throw new CryptoException(Kind.WRONG_KEY, wrongKey);
        }
        byte[] raw = Gcm.decrypt(new SecretKeySpec(kek, "AES"), Arrays.copyOf(w, Gcm.NONCE_BYTES), record.wrapAad(), w,
                Gcm.NONCE_BYTES, w.length - Gcm.NONCE_BYTES);
        if (raw == null) {
            throw new CryptoException(Kind.WRONG_KEY, wrongKey);
        }
        try {
            return new UnlockedKey(record, new DataKey(raw, Secrets.unhex(record.keyId())), kek);
        } finally {
            Secrets.zero(raw);
        }
    }

    static void checkNewPassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_CHARS) {
            throw new CryptoException(Kind.NO_PASSPHRASE, "A passphrase needs at least " + MIN_PASSPHRASE_CHARS
                    + " characters.");
        }
    }

    private static String newDatabaseId() {
        return Secrets.hex(Secrets.random(16));
    }
}
