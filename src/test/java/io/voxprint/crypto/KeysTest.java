package io.voxprint.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.crypto.CryptoException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysTest {

    /** Cheap parameters: the tests are about the record, not about Argon2id's cost. */
    static final Argon2id FAST = new Argon2id(new byte[16], 256, 1, 1);
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private final Binding binding = new Binding("x", RecordKind.PHOTO, 3, 0, "");

    @Test
    void passphraseOpensTheStoredRecordAndAWrongOneIsOneSentence() {
        byte[] stored;
        byte[] sealed;
        try (UnlockedKey key = Keys.createWithPassphrase(PASSPHRASE, FAST)) {
            stored = key.record().encode();
            sealed = key.dataKey().seal("photo".getBytes(StandardCharsets.US_ASCII), binding);
        }
        KeyRecord record = KeyRecord.decode(stored);
        assertEquals(Protection.PASSPHRASE, record.protection());
        try (UnlockedKey again = Keys.unlockWithPassphrase(record, PASSPHRASE.clone())) {
            assertArrayEquals("photo".getBytes(StandardCharsets.US_ASCII), again.dataKey().open(sealed, binding));
        }
        Sentences.refused(Kind.WRONG_KEY, () -> Keys.unlockWithPassphrase(record, "correct horse battery!".toCharArray()));
    }

    @Test
    void damagedRecordIsToldApartFromAWrongPassphrase() {
        byte[] stored;
        try (UnlockedKey key = Keys.createWithPassphrase(PASSPHRASE, FAST)) {
            stored = key.record().encode();
        }
        String text = new String(stored, StandardCharsets.US_ASCII);
        int w = text.indexOf("wrapped ") + 10;
        byte[] flipped = stored.clone();
        flipped[w] = (byte) (flipped[w] == '0' ? '1' : '0');
        Sentences.refused(Kind.DAMAGED_KEY_RECORD, () -> KeyRecord.decode(flipped));
        Sentences.refused(Kind.DAMAGED_KEY_RECORD, () -> KeyRecord.decode(java.util.Arrays.copyOf(stored, stored.length / 2)));
        Sentences.refused(Kind.DAMAGED_KEY_RECORD, () -> KeyRecord.decode("not a record".getBytes(StandardCharsets.US_ASCII)));
        // a record altered with its checksum recomputed (someone who knows the format) still does not open
        KeyRecord original = KeyRecord.decode(stored);
        KeyRecord lowered = new KeyRecord(original.databaseId(), original.protection(), original.keyId(),
                new Argon2id(new byte[16], 64, 1, 1), original.wrapped(), original.createdMs());
        Sentences.refused(Kind.WRONG_KEY, () -> Keys.unlockWithPassphrase(KeyRecord.decode(lowered.encode()), PASSPHRASE));
        String newer = text.replaceFirst("voxprint-key-record 1", "voxprint-key-record 2");
        String body = newer.substring(0, newer.lastIndexOf("sha256 "));
        byte[] newerRecord = new KeyRecord(original.databaseId(), original.protection(), original.keyId(), original.argon2id(),
                original.wrapped(), original.createdMs()).encode(); // same record; then rewrite version with a valid checksum
        String fixed = body + "sha256 " + sha256(body) + "\n";
        Sentences.refused(Kind.NEWER_FORMAT, () -> KeyRecord.decode(fixed.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(newerRecord.length > 0);
    }

    @Test
    void changingThePassphraseKeepsTheDataKeyAndRotationReplacesIt() {
        try (UnlockedKey key = Keys.createWithPassphrase(PASSPHRASE, FAST)) {
            byte[] sealed = key.dataKey().seal(new byte[] {1, 2, 3}, binding);
            UnlockedKey changed = key.withPassphrase("another passphrase".toCharArray(), new Argon2id(new byte[16], 256, 1, 1));
            KeyRecord record = KeyRecord.decode(changed.record().encode());
            assertEquals(key.record().keyId(), record.keyId());
            assertEquals(key.databaseId(), record.databaseId());
            Sentences.refused(Kind.WRONG_KEY, () -> Keys.unlockWithPassphrase(record, PASSPHRASE));
            try (UnlockedKey reopened = Keys.unlockWithPassphrase(record, "another passphrase".toCharArray())) {
                assertArrayEquals(new byte[] {1, 2, 3}, reopened.dataKey().open(sealed, binding));
            }
            UnlockedKey rotated = key.rotated();
            assertNotEquals(key.record().keyId(), rotated.record().keyId());
            assertEquals(key.databaseId(), rotated.databaseId());
            Sentences.refused(Kind.MISPLACED_VALUE, () -> rotated.dataKey().open(sealed, binding));
            try (UnlockedKey reopened = Keys.unlockWithPassphrase(KeyRecord.decode(rotated.record().encode()), PASSPHRASE)) {
                byte[] resealed = rotated.dataKey().seal(new byte[] {1, 2, 3}, binding);
                assertArrayEquals(new byte[] {1, 2, 3}, reopened.dataKey().open(resealed, binding));
            }
        }
    }

    @Test
    void missingKeyringAndShortPassphraseAreOneSentence() {
        SecretToolKeyring none = new SecretToolKeyring(Map.of("PATH", "/nonexistent"));
        Sentences.refused(Kind.MISSING_KEYRING, () -> Keys.createWithKeyring(none));
        SecretToolKeyring noBus = new SecretToolKeyring(Map.of("PATH", System.getenv("PATH")));
        if (noBus.available()) {
            return; // a desktop with a keyring: the refusal below cannot happen here
        }
        Sentences.refused(Kind.MISSING_KEYRING, noBus::require);
        KeyRecord keyringRecord = new KeyRecord("db", Protection.KEYRING, "0011223344556677", null, new byte[60], 1);
        Sentences.refused(Kind.MISSING_KEYRING, () -> Keys.unlockWithKeyring(keyringRecord, none));
        Sentences.refused(Kind.NO_PASSPHRASE, () -> Keys.createWithPassphrase("short".toCharArray(), FAST));
        KeyRecord plain = KeyRecord.decode(Keys.unprotected().encode());
        assertEquals(Protection.NONE, plain.protection());
        Sentences.refused(Kind.WRONG_KEY, () -> Keys.unlockWithPassphrase(plain, PASSPHRASE));
    }

    private static String sha256(String s) {
        try {
            return Secrets.hex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
