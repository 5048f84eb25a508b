package io.voxprint.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) through Bouncy Castle: the key-encryption key from a passphrase. The parameters
 * are stored in the key record, so a later Voxprint with stronger defaults still opens older databases.
 *
 * @param salt        16 random bytes, new for every passphrase
 * @param memoryKiB   memory cost in KiB
 * @param iterations  time cost (passes)
 * @param parallelism lanes
 */
public record Argon2id(byte[] salt, int memoryKiB, int iterations, int parallelism) {

    /**
     * Set to {@code true} by the build's test runs only: new keys then take the smallest parameters
     * this record accepts, because dozens of tests create and open protected databases through the
     * CLI and the desktop and are about the records, not about Argon2id's cost (at half a second a
     * derivation they spent about a minute of every build on it). The stored parameters still drive
     * every later derivation, and {@code Argon2idTest} holds the production ones.
     */
    static final String LIGHT_FOR_TESTS = "voxprint.test.argon2id.light";

    /** RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): about half a second here. */
    public static Argon2id withFreshSalt() {
        if (Boolean.getBoolean(LIGHT_FOR_TESTS)) {
            return new Argon2id(Secrets.random(16), 8, 1, 1);
        }
        return recommended(Secrets.random(16));
    }

    static Argon2id recommended(byte[] salt) {
        return new Argon2id(salt, 64 * 1024, 3, 4);
    }

    public Argon2id {
        if (salt == null || salt.length < 8 || memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1
                || parallelism > 64 || memoryKiB > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("Argon2id parameters out of range");
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** 32 bytes from the passphrase's UTF-8; the caller zeroes the result. */
    public byte[] derive(char[] passphrase) {
        byte[] password = Secrets.utf8(passphrase);
        try {
            return derive(password, null, null, 32);
        } finally {
            Secrets.zero(password);
        }
    }

    /** The general form (secret and associated data as RFC 9106 defines them), for known-answer tests too. */
    byte[] derive(byte[] password, byte[] secret, byte[] associatedData, int length) {
        Argon2Parameters.Builder b = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKiB)
                .withIterations(iterations).withParallelism(parallelism);
        if (secret != null) {
            b.withSecret(secret);
        }
        if (associatedData != null) {
            b.withAdditional(associatedData);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(b.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
