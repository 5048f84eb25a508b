package io.voxprint.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The parameters new passphrase keys get outside the build's test runs (which lighten them through
 * {@link Argon2id#LIGHT_FOR_TESTS}): RFC 9106's second recommended option, a fresh salt each time,
 * and a key record made and opened with them end to end (two derivations at the full cost: the
 * refusals of wrong passphrases are {@link KeysTest}'s, at a light cost).
 */
class Argon2idTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @Test
    void newKeysTakeRfc9106sSecondOptionWithAFreshSalt() {
        withProductionParameters(() -> {
            Argon2id a = Argon2id.withFreshSalt();
            Argon2id b = Argon2id.withFreshSalt();
            assertEquals(64 * 1024, a.memoryKiB());
            assertEquals(3, a.iterations());
            assertEquals(4, a.parallelism());
            assertEquals(16, a.salt().length);
            assertFalse(java.util.Arrays.equals(a.salt(), b.salt()), "a new salt for every passphrase");
        });
    }

    @Test
    void aRecordMadeWithTheProductionParametersOpensWithItsPassphrase() {
        withProductionParameters(() -> {
            Binding binding = new Binding("x", RecordKind.PHOTO, 1, 0, "");
            byte[] stored;
            byte[] sealed;
            try (UnlockedKey key = Keys.createWithPassphrase(PASSPHRASE.clone())) {
                stored = key.record().encode();
                sealed = key.dataKey().seal("photo".getBytes(StandardCharsets.US_ASCII), binding);
            }
            KeyRecord record = KeyRecord.decode(stored);
            assertEquals(64 * 1024, record.argon2id().memoryKiB(), "the parameters are stored with the record");
            try (UnlockedKey again = Keys.unlockWithPassphrase(record, PASSPHRASE.clone())) {
                assertArrayEquals("photo".getBytes(StandardCharsets.US_ASCII), again.dataKey().open(sealed, binding));
            }
        });
    }

    /** Runs {@code check} without the test runs' lightening, then puts it back as it was. */
    private static void withProductionParameters(Runnable check) {
        String before = System.clearProperty(Argon2id.LIGHT_FOR_TESTS);
        try {
            check.run();
        } finally {
            if (before != null) {
                System.setProperty(Argon2id.LIGHT_FOR_TESTS, before);
            }
        }
    }
}
