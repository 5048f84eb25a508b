package io.voxprint.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Voice activity on constructed signals whose speech is known to the sample, and the streaming decode. */
class SpeechDetectorTest {
    private static final int RATE = 16_000;

    /** Noise at -60 dBFS with "speech" (a loud modulated tone) in the given [start, end) seconds. */
    private static float[] signal(double seconds, double[][] speech) {
        Random random = new Random(3);
        float[] x = new float[(int) (seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 0.001);
        }
        for (double[] s : speech) {
            for (int i = (int) (s[0] * RATE); i < (int) (s[1] * RATE); i++) {
                x[i] += (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / RATE) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * i / RATE)));
            }
        }
        return x;
    }

    private static List<double[]> detect(float[] x, int block) {
        List<double[]> out = new ArrayList<>();
        SpeechDetector d = new SpeechDetector((a, b) -> out.add(new double[] {a / (double) RATE, b / (double) RATE}));
        for (int i = 0; i < x.length; i += block) {
            d.accept(x, i, Math.min(block, x.length - i));
        }
        d.finish();
        return out;
    }

    @Test
    void findsEachStretchToTheFrameBridgesBreathsAndDropsClicks() {
        double[][] speech = {{1.0, 3.0}, {3.2, 4.0}, {6.0, 6.1}, {8.0, 12.5}, {25.0, 26.0}};
        List<double[]> found = detect(signal(30, speech), 777);
        // 3.0-3.2 is a breath (under 0.3 s): bridged; 6.0-6.1 is a click (under 0.2 s): dropped
        double[][] expected = {{1.0, 4.0}, {8.0, 12.5}, {25.0, 26.0}};
        assertEquals(expected.length, found.size(), "stretches");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], found.get(i), 0.021, "stretch " + i);
        }
    }

    @Test
    void aMonologueIsCutSoNobodyWaitsForItsEnd() {
        List<double[]> found = detect(signal(75, new double[][] {{2, 72}}), 4096);
        assertEquals(3, found.size());
        assertEquals(2.0, found.get(0)[0], 0.021);
        assertEquals(32.0, found.get(0)[1], 0.021);
        assertEquals(found.get(0)[1], found.get(1)[0], 1e-9);
        assertEquals(72.0, found.get(2)[1], 0.021);
        assertTrue(found.get(1)[1] - found.get(1)[0] <= SpeechDetector.MAX_STRETCH_SECONDS + 1e-9);
    }

    @Test
    void streamingDecodeHandsOnTheSamplesLoadWouldReturnAndLetsTheSinksFailuresThrough() {
        AudioLoader loader = new AudioLoader();
        for (String name : List.of("e2e/fmt-48k-stereo-s16.wav", "e2e/fmt-22k05-mono.mp3", "e2e/fmt-44k1-mono-s24.flac")) {
            Path file = Fixtures.DIR.getParent().resolve(name);
            float[] whole = loader.load(file).samples();
            List<Float> streamed = new ArrayList<>();
            StreamedAudio info = loader.stream(file, (s, off, len) -> {
                for (int i = off; i < off + len; i++) {
                    streamed.add(s[i]);
                }
            });
            assertEquals(whole.length, info.samples(), name);
            assertEquals(whole.length, streamed.size(), name);
            for (int i = 0; i < whole.length; i++) {
                assertEquals(whole[i], streamed.get(i), 0f, name + " sample " + i);
            }
        }
        IllegalStateException stop = new IllegalStateException("stop");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> loader.stream(Fixtures.DIR.getParent().resolve("e2e/alice-1.wav"), (s, off, len) -> {
                    throw stop;
                }));
        assertSame(stop, thrown);
    }
}
