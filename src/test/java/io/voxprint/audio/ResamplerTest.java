package io.voxprint.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    static Stream<Arguments> references() {
        List<Arguments> args = new ArrayList<>();
        for (String[] row : Fixtures.table("resample.tsv")) {
            args.add(Arguments.of(row[0], Integer.parseInt(row[1]), Integer.parseInt(row[2]),
                    Integer.parseInt(row[3]), Integer.parseInt(row[4])));
        }
        return args.stream();
    }

    /** Noise plus a chirp to near Nyquist, against torchaudio 0.13.1's resample of the same float32 input. */
    @ParameterizedTest(name = "{1} Hz -> {2} Hz")
    @MethodSource("references")
    void matchesTorchaudio(String base, int from, int to, int inLength, int outLength) {
        float[] in = Fixtures.readF32(base + ".in.f32");
        float[] expected = Fixtures.readF32(base + ".out.f32");
        assertEquals(inLength, in.length);
        float[] out = Resampler.resample(in, from, to);
        assertEquals(outLength, out.length, "torchaudio's output length");
        assertEquals(outLength, Resampler.outputLength(inLength, from, to));
        double err = Fixtures.maxAbsDiff(out, expected);
        System.out.printf("resample %d -> %d: max abs error %.3g%n", from, to, err);
        // The requirement is 1e-4; the kernel is built in float32 as torchaudio builds it, so
        // the measured error is float rounding (~3e-7) and 1e-5 catches any real regression.
        assertTrue(err < 1e-5, "max abs error " + err);
    }

    /** Whatever the block sizes, the stream computes each sample exactly as the whole-signal call. */
    @ParameterizedTest(name = "{1} Hz -> {2} Hz streamed")
    @MethodSource("references")
    void streamingIsBitIdenticalToWholeSignal(String base, int from, int to, int inLength, int outLength) {
        float[] in = Fixtures.readF32(base + ".in.f32");
        float[] whole = Resampler.resample(in, from, to);
        Random random = new Random(from * 31L + to);
        for (int trial = 0; trial < 3; trial++) {
            Resampler stream = new Resampler(from, to);
            float[] out = new float[whole.length];
            int[] pos = {0};
            SampleSink sink = (s, o, n) -> {
                System.arraycopy(s, o, out, pos[0], n);
                pos[0] += n;
            };
            int i = 0;
            while (i < in.length) {
                int n = Math.min(in.length - i, trial == 0 ? 1 : 1 + random.nextInt(trial == 1 ? 50 : 5000));
                stream.process(in, i, n, sink);
                i += n;
            }
            stream.finish(sink);
            assertEquals(whole.length, pos[0]);
            assertArrayEquals(whole, out);
        }
    }

    @Test
    void equalRatesReturnACopy() {
        float[] in = {0.1f, -0.2f, 0.3f};
        float[] out = Resampler.resample(in, 16000, 16000);
        assertArrayEquals(in, out);
        assertTrue(in != out);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertEquals(0, Resampler.resample(new float[0], 44100, 16000).length);
    }

    /** A coprime rate reduces to nothing: torchaudio's dense kernel would need 16000 x 44113 floats. */
    @Test
    void coprimeRateKeepsAHalfBandSineIntact() {
        int from = 44101;
        float[] in = new float[from];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) Math.sin(2 * Math.PI * 1000.0 * i / from);
        }
        float[] out = Resampler.resample(in, from, 16000);
        assertEquals(16000, out.length);
        double maxErr = 0;
        for (int i = 200; i < out.length - 200; i++) {
            maxErr = Math.max(maxErr, Math.abs(out[i] - Math.sin(2 * Math.PI * 1000.0 * i / 16000)));
        }
        assertTrue(maxErr < 2e-3, "1 kHz sine reconstructed within " + maxErr);
    }
}
