package io.voxprint.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile, damaged and unsupported input: decoded audio or one readable AudioException sentence, nothing else. */
class BadInputTest {
    private final AudioLoader loader = new AudioLoader();

    private AudioException refused(String name, byte[] bytes) {
        AudioException e = assertThrows(AudioException.class, () -> loader.load(name, new ByteArrayInputStream(bytes)));
        assertOneSentenceNaming(e.getMessage(), name);
        return e;
    }

    static void assertOneSentenceNaming(String message, String name) {
        assertTrue(message.contains("'" + name + "'"), "names the file: " + message);
        assertTrue(message.endsWith("."), "ends a sentence: " + message);
        String inner = message.substring(0, message.length() - 1).replace("'" + name + "'", "");
        assertTrue(!inner.contains(". ") && !inner.contains("\n"), "one sentence: " + message);
        assertTrue(Character.isUpperCase(message.charAt(0)), "starts a sentence: " + message);
    }

    @Test
    void zeroLengthFile(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.wav"));
        AudioException e = assertThrows(AudioException.class, () -> loader.load(empty));
        assertEquals("The file 'empty.wav' is empty.", e.getMessage());
    }

    @Test
    void missingFileAndFolder(@TempDir Path dir) {
        assertEquals("The file 'nope.wav' does not exist.",
                assertThrows(AudioException.class, () -> loader.load(dir.resolve("nope.wav"))).getMessage());
        AudioException folder = assertThrows(AudioException.class, () -> loader.load(dir));
        assertOneSentenceNaming(folder.getMessage(), dir.getFileName().toString());
    }

    @Test
    void garbageBytes() {
        byte[] garbage = new byte[10_000];
        new Random(1).nextBytes(garbage);
        assertEquals("The file 'x.bin' is not a WAV, FLAC, Ogg Vorbis or MP3 file.", refused("x.bin", garbage).getMessage());
        assertEquals("The file 'notes.wav' is not a WAV, FLAC, Ogg Vorbis or MP3 file.",
                refused("notes.wav", "just some text, not audio\n".getBytes()).getMessage());
    }

    @Test
    void headerOnlyWav() {
        byte[] wav = TestWav.build(1, 1, 16000, 16, new byte[0], 0);
        assertEquals("The file 'h.wav' contains no audio.", refused("h.wav", wav).getMessage());
    }

    /** 44 bytes claiming 4 GB of samples: refused at once, nothing allocated from the claim. */
    @Test
    void tinyFileClaimingFourGigabytes() {
        byte[] wav = TestWav.build(1, 2, 44100, 16, new byte[0], 0xFFFFFFF0L);
        assertEquals(44, wav.length);
        assertEquals("The file 'big.wav' is truncated: its audio data is missing.", refused("big.wav", wav).getMessage());
    }

    /** The same lie with some real samples behind it: what is there is decoded. */
    @Test
    void declaredSizeLargerThanTheFileDecodesWhatIsThere() {
        short[] samples = new short[1600];
        Arrays.fill(samples, (short) 16384);
        byte[] wav = TestWav.pcm16(1, 16000, samples);
        wav[40] = (byte) 0xF0;
        wav[41] = wav[42] = wav[43] = (byte) 0xFF;
        PreparedAudio audio = loader.load("lie.wav", new ByteArrayInputStream(wav));
        assertEquals(1600, audio.samples().length);
        assertEquals(0.5f, audio.samples()[100]);
    }

    @Test
    void chunkClaimingFourGigabytesBeforeTheFormat() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestWav.write(out, "RIFF");
        TestWav.writeInt(out, 0xFFFFFFFFL);
        TestWav.write(out, "WAVE");
        TestWav.write(out, "LIST");
        TestWav.writeInt(out, 0xFFFFFFFFL);
        out.writeBytes(new byte[20]);
        assertEquals("The file 'list.wav' is a WAV file without a format chunk.",
                refused("list.wav", out.toByteArray()).getMessage());
    }

    @Test
    void truncatedWavHeader() {
        byte[] wav = TestWav.pcm16(1, 16000, new short[100]);
        refused("cut.wav", Arrays.copyOf(wav, 30));
        refused("cut2.wav", Arrays.copyOf(wav, 12));
    }

    /** Every fixture cut in the middle decodes its first part, or is refused with a sentence. */
    @ParameterizedTest
    @ValueSource(strings = {"pcm_s16_44100_stereo.wav", "pcm_s24_48000_stereo.wav", "flac_s16_44100_stereo.flac",
            "vorbis_44100_stereo.ogg", "mp3_44100_stereo.mp3", "mulaw_8000_mono.wav"})
    void truncatedInTheMiddle(String fixture) {
        byte[] whole = Fixtures.bytes(fixture);
        int full = loader.load(Fixtures.file(fixture)).samples().length;
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        PreparedAudio audio = loader.load("half-" + fixture, new ByteArrayInputStream(half));
        int n = audio.samples().length;
        // Ogg keeps only complete pages (a few per second), so the decoded share varies by format
        assertTrue(n > 0 && n < full * 3 / 4, fixture + ": " + n + " of " + full + " samples decoded");
    }

    @Test
    void nanBecomesSilenceAndInfinitiesClip() {
        float[] in = {0.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2.0f, -3.0f, -0.25f};
        PreparedAudio audio = loader.load("nan.wav", new ByteArrayInputStream(TestWav.float32(1, 16000, in)));
        assertArrayEquals(new float[] {0.5f, 0f, 1f, -1f, 1f, -1f, -0.25f}, audio.samples());
    }

    @ParameterizedTest
    @ValueSource(ints = {4000, 7999, 96001, 192000})
    void unsupportedSampleRates(int rate) {
        byte[] wav = TestWav.pcm16(1, rate, new short[64]);
        assertEquals("The file 'r.wav' has a sample rate of " + rate + " Hz; Voxprint reads 8000 to 96000 Hz.",
                refused("r.wav", wav).getMessage());
    }

    @Test
    void unsupportedWavEncoding() {
        byte[] wav = TestWav.build(2, 1, 8000, 4, new byte[100], 100);
        assertEquals("The file 'adpcm.wav' uses the WAV encoding Microsoft ADPCM (format 0x0002), which Voxprint cannot "
                + "read; convert it to PCM WAV or FLAC.", refused("adpcm.wav", wav).getMessage());
    }

    @Test
    void oggThatIsNotVorbis() {
        byte[] head = "OpusHead\u0001\u0001\u0038\u0001\u0080\u00bb\u0000\u0000\u0000\u0000\u0000".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        AudioException e = refused("voice.opus", OggPages.page(head, 0x1234, 0, 2));
        assertEquals("The file 'voice.opus' is an Ogg file but not Ogg Vorbis (Opus, Speex or FLAC in Ogg are not supported).",
                e.getMessage());
    }

    @Test
    void longerThanTheLimit() {
        short[] samples = new short[16000 * 3];
        AudioLoader shortLimit = new AudioLoader(Duration.ofSeconds(2));
        AudioException e = assertThrows(AudioException.class,
                () -> shortLimit.load("long.wav", new ByteArrayInputStream(TestWav.pcm16(1, 16000, samples))));
        assertEquals("The file 'long.wav' is longer than 2 seconds, the most Voxprint reads from one recording.", e.getMessage());
    }

    /** Valid magic followed by noise: each decoder must end in an AudioException, never loop or leak another type. */
    @ParameterizedTest
    @ValueSource(strings = {"RIFF\u0000\u0001\u0000\u0000WAVE", "fLaC", "OggS", "ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0010",
            "\u00ff\u00fb\u0090\u0064"})
    void magicFollowedByGarbage(String magic) {
        for (int seed = 0; seed < 20; seed++) {
            byte[] bytes = new byte[3000];
            new Random(seed).nextBytes(bytes);
            byte[] m = magic.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            System.arraycopy(m, 0, bytes, 0, m.length);
            expectAudioOrSentence("g" + seed + ".bin", bytes);
        }
    }

    /** Seeded mutations of every fixture (flipped bytes, cuts, repeated blocks): the Jazzer contract in small. */
    @Test
    void mutatedFixturesNeverEscapeAsOtherExceptions() {
        Random random = new Random(42);
        for (String[] row : Fixtures.table("manifest.tsv")) {
            byte[] original = Fixtures.bytes(row[0]);
            for (int trial = 0; trial < 25; trial++) {
                byte[] bytes = original.clone();
                switch (trial % 3) {
                    case 0 -> {
                        for (int k = 0; k < 1 + random.nextInt(20); k++) {
                            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                        }
                    }
                    case 1 -> {
                        int at = random.nextInt(Math.min(bytes.length, 200));
                        bytes[at] = (byte) random.nextInt(256);
                        bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                    }
                    default -> {
                        int from = random.nextInt(bytes.length);
                        int len = Math.min(bytes.length - from, 1 + random.nextInt(500));
                        System.arraycopy(bytes, from, bytes, random.nextInt(bytes.length - len + 1), len);
                    }
                }
                expectAudioOrSentence("m-" + row[0], bytes);
            }
        }
    }

    private void expectAudioOrSentence(String name, byte[] bytes) {
        try {
            PreparedAudio audio = loader.load(name, new ByteArrayInputStream(bytes));
            for (float v : audio.samples()) {
                if (!(Math.abs(v) <= 1.5f)) {
                    fail(name + ": sample out of range " + v);
                }
            }
        } catch (AudioException e) {
            assertOneSentenceNaming(e.getMessage(), name);
        }
    }
}
