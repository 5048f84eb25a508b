package io.voxprint.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.crypto.CryptoException.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealedFileTest {

    private static final byte[] ARCHIVE = "{\"format\": \"voxprint-speakers\", \"speakers\": []}".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensWithItsPassphraseOnly() {
        byte[] sealed = SealedFile.seal(ARCHIVE, "speakers-archive", "archive passphrase".toCharArray(), KeysTest.FAST);
        assertTrue(SealedFile.looksSealed(sealed));
        assertFalse(DataKeyTest.contains(sealed, "voxprint-speakers".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(ARCHIVE, SealedFile.open(sealed, "speakers-archive", "archive passphrase".toCharArray(), "a.json"));
        Sentences.refused(Kind.WRONG_KEY, () -> SealedFile.open(sealed, "speakers-archive", "archive passphrasE".toCharArray(), "a"));
        byte[] damaged = sealed.clone();
        damaged[damaged.length / 2] ^= 1;
        Sentences.refused(Kind.DAMAGED_KEY_RECORD, () -> SealedFile.open(damaged, "speakers-archive", "archive passphrase".toCharArray(), "a"));
        Sentences.refused(Kind.DAMAGED_KEY_RECORD, () -> SealedFile.open(ARCHIVE, "speakers-archive", "x".toCharArray(), "a"));
        Sentences.refused(Kind.MISPLACED_VALUE, () -> SealedFile.open(sealed, "other", "archive passphrase".toCharArray(), "a"));
    }
}
