package io.voxprint.crypto;

import io.voxprint.crypto.CryptoException.Kind;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random AES-256 key that seals a database's templates. It never leaves memory unwrapped; the
 * key record holds it wrapped by a key from a passphrase or the keyring.
 *
 * <p>Sealed value: {@code ["VXS"][1 version][8 key id][12 nonce][ciphertext][16 tag]}; the first 24 bytes and
 * the {@link Binding} are the associated data. The key id tells which data key sealed a value, so a
 * rotation can be checked (all values under one key) and a value from another database is named as such.
 *
 * <p>{@link #close()} zeroes this object's copy of the key; the JDK's {@code SecretKeySpec} keeps its
 * own copy, which Java 17 cannot erase (its {@code destroy()} is not implemented).
 */
public final class DataKey implements AutoCloseable {

    static final int KEY_BYTES = 32;
    static final int KEY_ID_BYTES = 8;
    /** Tells a sealed value from a plain one (a plain float32 vector starting so is a 1 in 16 million chance). */
    private static final byte[] MAGIC = {'V', 'X', 'S'};
    static final byte FORMAT = 1;
    private static final int ID_AT = MAGIC.length + 1;
    static final int HEADER_BYTES = ID_AT + KEY_ID_BYTES + Gcm.NONCE_BYTES;
    /** What sealing adds to a value's length. */
    public static final int OVERHEAD = HEADER_BYTES + Gcm.TAG_BYTES;

    private final byte[] raw;
    private final byte[] keyId;
    private final SecretKeySpec key;
    private volatile boolean closed;

    DataKey(byte[] raw, byte[] keyId) {
        if (raw.length != KEY_BYTES || keyId.length != KEY_ID_BYTES) {
            throw new IllegalArgumentException("a data key is 32 bytes with an 8-byte id");
        }
        this.raw = raw.clone();
        this.keyId = keyId.clone();
        this.key = new SecretKeySpec(this.raw, "AES");
    }

    /** A fresh random key. */
    public static DataKey generate() {
        byte[] raw = Secrets.random(KEY_BYTES);
        try {
            return new DataKey(raw, Secrets.random(KEY_ID_BYTES));
        } finally {
            Secrets.zero(raw);
        }
    }

    /** Hex of the key id: not secret, shown by {@code keys status}. */
    public String id() {
        return Secrets.hex(keyId);
    }

    /** Seals {@code plain} for the place {@code binding} names. */
    public byte[] seal(byte[] plain, Binding binding) {
        check();
        byte[] out = new byte[HEADER_BYTES + plain.length + Gcm.TAG_BYTES];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[MAGIC.length] = FORMAT;
        System.arraycopy(keyId, 0, out, ID_AT, KEY_ID_BYTES);
        byte[] nonce = Secrets.random(Gcm.NONCE_BYTES);
        System.arraycopy(nonce, 0, out, ID_AT + KEY_ID_BYTES, Gcm.NONCE_BYTES);
        byte[] body = Gcm.encrypt(key, nonce, aad(out, binding), plain, 0, plain.length);
        System.arraycopy(body, 0, out, HEADER_BYTES, body.length);
        return out;
    }

    /** The plaintext of a value sealed for {@code binding}; refuses, in one sentence, anything else. */
    public byte[] open(byte[] sealed, Binding binding) {
        check();
        if (sealed == null || sealed.length < OVERHEAD) {
            throw misplaced(binding, "is too short to be a sealed value");
        }
        if (!Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw misplaced(binding, "is not a sealed value (stored in the clear)");
        }
        if (sealed[MAGIC.length] != FORMAT) {
            if (sealed[MAGIC.length] > FORMAT) {
                throw new CryptoException(Kind.NEWER_FORMAT, "The stored " + binding.describe()
                        + " was sealed by a newer Voxprint; update Voxprint to read it.");
            }
            throw misplaced(binding, "is not a sealed value");
        }
        if (!Arrays.equals(sealed, ID_AT, ID_AT + KEY_ID_BYTES, keyId, 0, KEY_ID_BYTES)) {
            throw misplaced(binding, "was sealed with another key (copied in from another database, or left from before a rotation)");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, ID_AT + KEY_ID_BYTES, HEADER_BYTES);
        byte[] plain = Gcm.decrypt(key, nonce, aad(sealed, binding), sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        if (plain == null) {
            throw misplaced(binding, "does not belong there (moved from another row or speaker, or altered)");
        }
        return plain;
    }

    /** Whether {@code sealed} carries this key's id (a quick check, not an authentication). */
    public boolean sealedByThisKey(byte[] sealed) {
        return isSealed(sealed) && Arrays.equals(sealed, ID_AT, ID_AT + KEY_ID_BYTES, keyId, 0, KEY_ID_BYTES);
    }

    /** Hex id of the key that sealed {@code value}; the caller checked {@link #isSealed}. */
    public static String keyIdOf(byte[] value) {
        return Secrets.hex(Arrays.copyOfRange(value, ID_AT, ID_AT + KEY_ID_BYTES));
    }

    /** Whether {@code value} looks sealed (any key): how a conversion tells what it has done already. */
    public static boolean isSealed(byte[] value) {
        return value != null && value.length >= OVERHEAD && Arrays.equals(value, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                && value[MAGIC.length] == FORMAT;
    }

    /** The raw key for wrapping into a key record; the caller zeroes it. */
    byte[] rawCopy() {
        check();
        return raw.clone();
    }

    byte[] keyIdCopy() {
        return keyId.clone();
    }

    private static byte[] aad(byte[] header, Binding binding) {
        byte[] b = binding.encode();
        byte[] aad = new byte[HEADER_BYTES + b.length];
        System.arraycopy(header, 0, aad, 0, HEADER_BYTES);
        System.arraycopy(b, 0, aad, HEADER_BYTES, b.length);
        return aad;
    }

    private static CryptoException misplaced(Binding binding, String what) {
        return new CryptoException(Kind.MISPLACED_VALUE, "The stored " + binding.describe() + " " + what
                + "; it was not used.");
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("the data key was closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        Arrays.fill(raw, (byte) 0);
    }
}
