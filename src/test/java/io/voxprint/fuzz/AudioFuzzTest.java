package io.voxprint.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voxprint.audio.AudioException;
import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.PreparedAudio;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Every audio reader under coverage-guided mutation, through the public entry point
 * {@code AudioLoader.load(String, InputStream)}. The container is sniffed from the content, so each
 * method reaches its decoder through its seed corpus of real files of that format
 * ({@code AudioFuzzTestInputs/<method>/}). Without {@code JAZZER_FUZZ=1} the methods run once per
 * committed input, as regression tests; see docs/reliability.md for fuzzing runs.
 */
class AudioFuzzTest {
    private static final String NAME = "fuzz.bin";
    /** Fixed costs (buffers, one resampler kernel of an odd rate) plus what the input and output justify. */
    private static final long FIXED_BUDGET = 64L << 20;
    private static final long PER_INPUT_BYTE = 256;
    private static final long PER_OUTPUT_SAMPLE = 64;

    /**
     * Decoded samples are clipped to [-1, 1] before resampling; the windowed-sinc resampler can
     * overshoot by at most its kernel's L1 norm, 1.87 for torchaudio's kernels (measured for 8 to
     * 96 kHz), so 1.9 bounds every output sample with room for float rounding.
     */
    private static final float MAX_ABS_SAMPLE = 1.9f;

    private final AudioLoader loader = new AudioLoader();

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void wav(byte[] input) {
        decode(input);
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void flac(byte[] input) {
        decode(input);
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void ogg(byte[] input) {
        decode(input);
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void mp3(byte[] input) {
        decode(input);
    }

    /**
     * Decodes one real file of each format first: class loading (and Jazzer's instrumentation of
     * the decoder libraries) allocates tens of megabytes once, which no input should be charged with.
     */
    @BeforeAll
    static void loadEveryDecoder() throws IOException {
        Path audio = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"), "audio");
        for (String f : new String[] {"pcm_s16_16000_mono.wav", "flac_s8_8000_mono.flac", "vorbis_16000_mono.ogg",
            "mp3_22050_mono.mp3"}) {
            new AudioLoader().load(f, new ByteArrayInputStream(Files.readAllBytes(audio.resolve(f))));
        }
    }

    private void decode(byte[] input) {
        long[] cost = decodeMeasured(input);
        long budget = FIXED_BUDGET + PER_INPUT_BYTE * input.length + PER_OUTPUT_SAMPLE * cost[1];
        if (cost[0] > budget) {
            // a first use of some class or resampler kernel costs once; a claimed size costs every time
            cost = decodeMeasured(input);
        }
        assertTrue(cost[0] <= budget, "allocated " + cost[0] + " bytes for " + input.length
                + " input bytes and " + cost[1] + " output samples");
    }

    /** Checks the outcome; returns {allocated bytes, output samples}. */
    private long[] decodeMeasured(byte[] input) {
        long before = Contract.allocatedBytes();
        long outputSamples = 0;
        try {
            PreparedAudio audio = loader.load(NAME, new ByteArrayInputStream(input));
            float[] samples = audio.samples();
            outputSamples = samples.length;
            for (float v : samples) {
                if (!(Math.abs(v) <= MAX_ABS_SAMPLE)) {
                    fail("sample out of range: " + v);
                }
            }
            assertTrue(audio.originalSampleRate() >= AudioLoader.MIN_SAMPLE_RATE
                    && audio.originalSampleRate() <= AudioLoader.MAX_SAMPLE_RATE, "rate " + audio.originalSampleRate());
            assertTrue(audio.originalChannels() >= 1, "channels " + audio.originalChannels());
        } catch (AudioException e) {
            Contract.assertNoFailedAllocation(e);
            Contract.assertOneSentence(e.getMessage(), "'" + NAME + "'");
            assertTrue(e.getMessage().contains("'" + NAME + "'"), "names the file: " + e.getMessage());
        }
        return new long[] {Contract.allocatedBytes() - before, outputSamples};
    }
}
