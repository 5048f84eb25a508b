package io.voxprint.crypto;

import io.voxprint.crypto.CryptoException.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database's key record, stored with the database: which protection it chose, the Argon2id
 * parameters, and the data key wrapped (AES-256-GCM) by the key-encryption key. Text lines, so
 * {@code keys status} and a curious administrator can read what is not secret; the last line is a
 * SHA-256 of the others, so a damaged record is told apart from a wrong passphrase.
 *
 * <pre>
 * voxprint-key-record 1
 * database 3f…(32 hex)
 * protection passphrase
 * key-id 9a…(16 hex)
 * argon2id SALT_HEX MEMORY_KIB ITERATIONS PARALLELISM
 * wrapped NONCE_AND_CIPHERTEXT_HEX
 * created 1764400000000
 * sha256 …
 * </pre>
 *
 * @param databaseId random id naming the database; bound into every sealed value
 * @param keyId      id of the wrapped data key (empty for {@link Protection#NONE})
 * @param argon2id   passphrase parameters, null unless {@link Protection#PASSPHRASE}
 * @param wrapped    nonce then ciphertext and tag of the data key, null for {@link Protection#NONE}
 */
public record KeyRecord(String databaseId, Protection protection, String keyId, Argon2id argon2id, byte[] wrapped,
        long createdMs) {

    static final int VERSION = 1;
    private static final String MAGIC = "voxprint-key-record";

    /** The record as stored. */
    public byte[] encode() {
        String body = body();
        return (body + "sha256 " + sha256(body) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Parses and checks a stored record; damage is one sentence, never a wrong-passphrase message. */
    public static KeyRecord decode(byte[] stored) {
        String text = stored == null ? "" : new String(stored, StandardCharsets.US_ASCII);
        int last = text.lastIndexOf("sha256 ");
        if (!text.startsWith(MAGIC + " ") || last < 0 || !text.endsWith("\n")) {
            throw damaged("it is not a Voxprint key record");
        }
        String body = text.substring(0, last);
        if (!sha256(body).equals(text.substring(last + 7, text.length() - 1))) {
            throw damaged("its checksum does not match");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                throw damaged("a line has no value");
            }
            fields.put(line.substring(0, space), line.substring(space + 1));
        }
        int version = parseInt(fields.get(MAGIC));
        if (version > VERSION) {
            throw new CryptoException(Kind.NEWER_FORMAT, "The database's key record was written by a newer Voxprint "
                    + "(format " + version + "); update Voxprint to open it.");
        }
        try {
            Protection protection = Protection.valueOf(require(fields, "protection").toUpperCase(java.util.Locale.ROOT));
            Argon2id argon = null;
            if (protection == Protection.PASSPHRASE) {
                String[] p = require(fields, "argon2id").split(" ");
                argon = new Argon2id(Secrets.unhex(p[0]), parseInt(p[1]), parseInt(p[2]), parseInt(p[3]));
            }
            byte[] wrapped = protection == Protection.NONE ? null : Secrets.unhex(require(fields, "wrapped"));
            return new KeyRecord(require(fields, "database"), protection, fields.getOrDefault("key-id", ""), argon,
                    wrapped, Long.parseLong(require(fields, "created")));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw damaged("one of its fields cannot be read");
        }
    }

    /** The associated data of the wrapped key: everything that says how to unwrap it. */
    byte[] wrapAad() {
        StringBuilder s = new StringBuilder(MAGIC).append(' ').append(VERSION).append('|').append(databaseId).append('|')
                .append(protection).append('|').append(keyId);
        if (argon2id != null) {
            s.append('|').append(argonLine());
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    KeyRecord withWrapped(byte[] newWrapped) {
        return new KeyRecord(databaseId, protection, keyId, argon2id, newWrapped, createdMs);
    }

    private String body() {
        StringBuilder s = new StringBuilder();
        s.append(MAGIC).append(' ').append(VERSION).append('\n');
        s.append("database ").append(databaseId).append('\n');
        s.append("protection ").append(protection.name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        if (!keyId.isEmpty()) {
            s.append("key-id ").append(keyId).append('\n');
        }
        if (argon2id != null) {
            s.append("argon2id ").append(argonLine()).append('\n');
        }
        if (wrapped != null) {
            s.append("wrapped ").append(Secrets.hex(wrapped)).append('\n');
        }
        s.append("created ").append(createdMs).append('\n');
        return s.toString();
    }

    private String argonLine() {
        return Secrets.hex(argon2id.salt()) + " " + argon2id.memoryKiB() + " " + argon2id.iterations() + " "
                + argon2id.parallelism();
    }

    private static String require(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null) {
            throw damaged("its '" + name + "' line is missing");
        }
        return v;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw damaged("a number in it cannot be read");
        }
    }

    private static CryptoException damaged(String why) {
        return new CryptoException(Kind.DAMAGED_KEY_RECORD, "The database's key record is damaged (" + why
                + "); restore the database from a backup, as its templates cannot be opened without it.");
    }

    private static String sha256(String text) {
        try {
            return Secrets.hex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
