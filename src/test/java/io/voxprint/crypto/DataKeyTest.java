package io.voxprint.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.crypto.CryptoException.Kind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataKeyTest {

    private static final String MODEL = "a".repeat(64);
    private final Binding aliceTake = new Binding("db1", RecordKind.EMBEDDING, 1, 10, MODEL);
    private final Binding bobTake = new Binding("db1", RecordKind.EMBEDDING, 2, 11, MODEL);

    @Test
    void opensWhatItSealedAndHidesIt() {
        byte[] plain = embeddingBytes(7);
        try (DataKey key = DataKey.generate()) {
            byte[] sealed = key.seal(plain, aliceTake);
            assertEquals(plain.length + DataKey.OVERHEAD, sealed.length);
            assertFalse(contains(sealed, java.util.Arrays.copyOf(plain, 8)), "no plaintext bytes in the sealed value");
            assertArrayEquals(plain, key.open(sealed, aliceTake));
            assertFalse(java.util.Arrays.equals(sealed, key.seal(plain, aliceTake)), "a fresh nonce each time");
            assertTrue(key.sealedByThisKey(sealed));
        }
    }

    @Test
    void valueSwappedBetweenSpeakersIsRefused() {
        try (DataKey key = DataKey.generate()) {
            byte[] alices = key.seal(embeddingBytes(1), aliceTake);
            CryptoException e = Sentences.refused(Kind.MISPLACED_VALUE, () -> key.open(alices, bobTake));
            assertTrue(e.getMessage().contains("enrollment 11"), e.getMessage());
            Sentences.refused(Kind.MISPLACED_VALUE, () -> key.open(alices,
                    new Binding("db1", RecordKind.EMBEDDING, 1, 10, "b".repeat(64))));
            Sentences.refused(Kind.MISPLACED_VALUE, () -> key.open(alices,
                    new Binding("db1", RecordKind.KEPT_AUDIO, 1, 10, MODEL)));
            Sentences.refused(Kind.MISPLACED_VALUE, () -> key.open(alices,
                    new Binding("db2", RecordKind.EMBEDDING, 1, 10, MODEL)));
        }
    }

    @Test
    void valueFromAnotherDatabaseOrAlteredIsRefused() {
        try (DataKey mine = DataKey.generate(); DataKey theirs = DataKey.generate()) {
            byte[] foreign = theirs.seal(embeddingBytes(2), aliceTake);
            CryptoException e = Sentences.refused(Kind.MISPLACED_VALUE, () -> mine.open(foreign, aliceTake));
            assertTrue(e.getMessage().contains("another database"), e.getMessage());
            byte[] altered = mine.seal(embeddingBytes(3), aliceTake);
            altered[DataKey.HEADER_BYTES + 5] ^= 0x40;
            Sentences.refused(Kind.MISPLACED_VALUE, () -> mine.open(altered, aliceTake));
            Sentences.refused(Kind.MISPLACED_VALUE, () -> mine.open(embeddingBytes(3), aliceTake)); // stored in the clear
            byte[] newer = mine.seal(embeddingBytes(3), aliceTake);
            newer[3] = 2;
            Sentences.refused(Kind.NEWER_FORMAT, () -> mine.open(newer, aliceTake));
        }
    }

    static byte[] embeddingBytes(long seed) {
        Random r = new Random(seed);
        ByteBuffer b = ByteBuffer.allocate(192 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 192; i++) {
            b.putFloat((float) r.nextGaussian());
        }
        return b.array();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
