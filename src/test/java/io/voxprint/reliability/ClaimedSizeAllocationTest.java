package io.voxprint.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.audio.AudioException;
import io.voxprint.audio.AudioLoader;
import io.voxprint.fuzz.Contract;
import io.voxprint.scoring.AsNorm;
import io.voxprint.scoring.ScoringException;
import io.voxprint.store.SpeakerArchive;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.store.StoreException;
import io.voxprint.store.VoiceprintStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * Files of a few dozen bytes whose headers claim gigabytes: each is refused with one sentence, and
 * the bytes this thread allocates meanwhile (com.sun.management.ThreadMXBean, garbage included)
 * stay far below the claim. An attempted allocation that fails is caught by decoders, so the
 * causes are checked for OutOfMemoryError as well.
 */
class ClaimedSizeAllocationTest {
    /** Buffers, a resampler kernel and exception objects: a few megabytes, never the claim. */
    private static final long BUDGET = 16L << 20;

    private final AudioLoader loader = new AudioLoader();

    @TempDir
    Path dir;

    /** Loads and initialises every reader once, so class loading is not counted against the first case. */
    @BeforeAll
    static void warmUp() throws IOException {
        Path audio = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"), "audio");
        for (String f : new String[] {"pcm_s16_44100_stereo.wav", "flac_s16_44100_stereo.flac", "vorbis_16000_mono.ogg",
            "mp3_44100_stereo.mp3"}) {
            new AudioLoader().load(audio.resolve(f));
        }
        for (byte[] bad : new byte[][] {ForgedFiles.vorbisCodebook(16, 1, 2), ForgedFiles.flac(6, 10), new byte[] {1}}) {
            try {
                new AudioLoader().load("warm", new ByteArrayInputStream(bad));
            } catch (AudioException expected) {
                // only the classes matter here
            }
        }
        Path tmp = Files.createTempFile("warm", ".npy");
        try {
            Files.write(tmp, ForgedFiles.npyShape("2, 2", 16));
            AsNorm.readNpy(tmp);
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    void wavOf44BytesClaimingFourGigabytesOfSamples() {
        byte[] wav = ForgedFiles.wav("data", 0xFFFFFFF0L, new byte[0]);
        assertEquals(44, wav.length);
        refusedWithin(wav, "The file 'f' is truncated: its audio data is missing.");
    }

    @Test
    void wavWhoseFormatChunkClaimsFourGigabytes() {
        refusedWithin(ForgedFiles.wavWithHugeFmt(0xFFFFFFF0L), "The file 'f' is a WAV file without audio data.");
    }

    @Test
    void wavWithAnUnknownChunkClaimingFourGigabytes() {
        refusedWithin(ForgedFiles.wav("LIST", 0xFFFFFFF0L, new byte[8]), "The file 'f' is a WAV file without audio data.");
    }

    @Test
    void flacWithAPictureBlockClaiming16Megabytes() {
        refusedWithin(ForgedFiles.flac(6, 0xFFFFFF), "The file 'f' is truncated: its FLAC header is incomplete.");
    }

    /** STREAMINFO claims 8 channels of 65535-sample blocks and 2^36 samples, but there is no frame. */
    @Test
    void flacClaimingTheLargestBlocksAndLengthWithoutFrames() {
        refusedWithin(ForgedFiles.flac(1, 0), "The file 'f' contains no audio.");
    }

    @Test
    void id3TagClaiming256Megabytes() {
        refusedWithin(ForgedFiles.id3Claiming256Megabytes(), "The file 'f' is not a WAV, FLAC, Ogg Vorbis or MP3 file.");
    }

    /**
     * A damaged ID3v2 tag (its last size byte is not sync-safe) in front of real MP3 frames: jlayer
     * reads its size as 268 MB and would allocate that; it must be skipped as garbage instead.
     */
    @Test
    void damagedId3TagInFrontOfRealFrames() throws IOException {
        Path fixture = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"), "audio", "mp3_22050_mono.mp3");
        byte[] frames = Files.readAllBytes(fixture);
        byte[] file = new byte[10 + frames.length];
        System.arraycopy(new byte[] {'I', 'D', '3', 3, 0, 0, 0x7F, 0x7F, 0x7F, (byte) 0x80}, 0, file, 0, 10);
        System.arraycopy(frames, 0, file, 10, frames.length);
        float[] expected = loader.load(fixture).samples();
        long before = Contract.allocatedBytes();
        float[] samples = loader.load("f", new ByteArrayInputStream(file)).samples();
        long allocated = Contract.allocatedBytes() - before;
        assertTrue(allocated < BUDGET, allocated + " bytes allocated");
        assertArrayEquals(expected, samples);
    }

    /** 2^22 entries x 256 values = 2^30 ints (4 GB) declared by a 150-byte file. */
    @Test
    void vorbisCodebookClaimingFourGigabytes() {
        byte[] ogg = ForgedFiles.vorbisCodebook(1 << 22, 256, 2);
        assertTrue(ogg.length < 200, ogg.length + " bytes");
        refusedWithin(ogg, "The file 'f' is a damaged Ogg Vorbis file: a codebook declares an impossible size.");
    }

    /** Within libvorbis's per-book limit (ilog sum 24) but 16 million entries: more than any encoder writes. */
    @Test
    void vorbisCodebookAtLibvorbisLimit() {
        refusedWithin(ForgedFiles.vorbisCodebook((1 << 24) - 1, 0, 0),
                "The file 'f' is a damaged Ogg Vorbis file: its codebooks declare more entries than any encoder writes.");
    }

    /** A lattice-mapped book of dimension 0 sends jorbis into an endless loop. */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void vorbisValueMappedCodebookWithoutDimensions() {
        refusedWithin(ForgedFiles.vorbisCodebook(16, 0, 1),
                "The file 'f' is a damaged Ogg Vorbis file: a value-mapped codebook has no dimensions.");
    }

    @Test
    void npyHeaderLengthClaimingTwoGigabytes() throws IOException {
        npyRefusedWithin(ForgedFiles.npyV2HeaderClaiming(0x7FFFFFF0), "The file f.npy ended before its header was complete.");
    }

    @Test
    void npyShapeClaimingAnImpossibleMatrix() throws IOException {
        npyRefusedWithin(ForgedFiles.npyShape("2147483647, 2147483647", 16),
                "The file f.npy has a shape (2147483647, 2147483647) that cannot be loaded.");
    }

    /** 100 000 x 192 float32 is 77 MB: the file must hold it before anything is allocated. */
    @Test
    void npyShapeClaimingMoreThanTheFileHolds() throws IOException {
        npyRefusedWithin(ForgedFiles.npyShape("100000, 192", 64), "The file f.npy is shorter than its header says.");
    }

    @Test
    void npyNegativeShape() throws IOException {
        npyRefusedWithin(ForgedFiles.npyShape("-5, 4", 16), "The file f.npy has an unreadable array shape.");
    }

    /** An archive embedding that declares 2^31-1 values but holds 8. */
    @Test
    void archiveEmbeddingClaimingTwoBillionValues() throws IOException {
        Path archive = dir.resolve("a.json");
        Files.writeString(archive, "{\"format\": \"voxprint-speakers\", \"version\": 1, \"speakers\": [{\"name\": \"Eve\","
                + " \"enrollments\": [{\"source\": \"e.wav\", \"seconds\": 5, \"netSpeechSeconds\": 4, \"clippingRatio\": 0,"
                + " \"embeddings\": [{\"modelSha256\": \"" + "a".repeat(64) + "\", \"dimension\": 2147483647,"
                + " \"vector\": \"AACAPwAAgD8AAIA/AACAPwAAgD8AAIA/AACAPwAAgD8=\"}]}]}]}");
        try (VoiceprintStore store = SqliteStore.open(dir.resolve("s.db"))) {
            long before = Contract.allocatedBytes();
            StoreException e = assertThrows(StoreException.class,
                    () -> SpeakerArchive.importInto(store, archive, "a".repeat(64)));
            long allocated = Contract.allocatedBytes() - before;
            assertEquals("The archive '" + archive + "' cannot be imported: an embedding of 'Eve' holds 8 values but declares "
                    + "2147483647.", e.getMessage());
            assertTrue(allocated < BUDGET, allocated + " bytes allocated");
            assertTrue(store.speakers().list().isEmpty());
        }
    }

    private void refusedWithin(byte[] file, String expected) {
        long before = Contract.allocatedBytes();
        AudioException e = assertThrows(AudioException.class, () -> loader.load("f", new ByteArrayInputStream(file)));
        long allocated = Contract.allocatedBytes() - before;
        Contract.assertNoFailedAllocation(e);
        assertTrue(allocated < BUDGET, allocated + " bytes allocated for a " + file.length + "-byte file");
        assertEquals(expected, e.getMessage());
    }

    private void npyRefusedWithin(byte[] bytes, String expected) throws IOException {
        Path file = Files.write(dir.resolve("f.npy"), bytes);
        long before = Contract.allocatedBytes();
        Executable read = () -> AsNorm.readNpy(file);
        ScoringException e = assertThrows(ScoringException.class, read);
        long allocated = Contract.allocatedBytes() - before;
        assertTrue(allocated < BUDGET, allocated + " bytes allocated for a " + bytes.length + "-byte file");
        assertEquals(expected, e.getMessage());
    }
}
