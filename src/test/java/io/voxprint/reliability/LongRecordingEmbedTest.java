package io.voxprint.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.testing.PythonReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long recordings through {@code Inspect.embed} with the fixture model: beyond 60 s the embedding
 * is the normalised mean of ten normalised 30 s window embeddings spread evenly from the start to
 * the end (docs/architecture.md, "Long recordings"); here the windows are cut and averaged again in
 * the test, with the model called directly.
 */
class LongRecordingEmbedTest {
    static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));
    static final int RATE = 16_000;

    @TempDir
    static Path dir;
    private static AppContext app;
    private static Ecapa2Model model;
    private static float[] speech;

    @BeforeAll
    static void open() {
        Path fixture = RESOURCES.resolve("model/ecapa2-fixture.pt");
        app = AppContext.open(AppConfig.fromEnvironment(Map.of("HOME", dir.toString()), dir.resolve("v.db"), fixture, null,
                null, true), ScoringOptions.defaults());
        model = Ecapa2Model.load(fixture);
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (String who : new String[] {"alice", "bob", "carol"}) {
            for (int i = 1; i <= 4; i++) {
                float[] s = new AudioLoader().load(RESOURCES.resolve("e2e/" + who + "-" + i + ".wav")).samples();
                parts.add(s);
                total += s.length;
            }
        }
        speech = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, speech, at, p.length);
            at += p.length;
        }
    }

    @AfterAll
    static void close() {
        app.close();
        model.close();
    }

    private static float[] embed(PreparedAudio audio) {
        return app.inspect().embed(AudioSource.samples(audio.source(), audio.samples(), RATE)).embedding();
    }

    /** Real speech of three voices repeated to the given length. */
    private static PreparedAudio recording(String name, int seconds) {
        float[] s = new float[seconds * RATE];
        for (int i = 0; i < s.length; i += speech.length) {
            System.arraycopy(speech, 0, s, i, Math.min(speech.length, s.length - i));
        }
        return AudioLoader.fromSamples(name, s, RATE);
    }

    @Test
    void tenMinutesIsTheMeanOfTenSpreadWindows() {
        PreparedAudio audio = recording("ten-minutes", 600);
        float[] samples = audio.samples();
        assertEquals(600 * RATE, samples.length);
        float[] viaApp = embed(audio);

        int window = 30 * RATE;
        long span = samples.length - window;
        double[] sum = new double[viaApp.length];
        for (int i = 0; i < 10; i++) {
            int start = (int) (span * i / 9); // first window at the start, last one ending at the end
            float[] piece = new float[window];
            System.arraycopy(samples, start, piece, 0, window);
            double[] e = unit(model.embed(piece));
            for (int k = 0; k < e.length; k++) {
                sum[k] += e[k];
            }
        }
        double[] expected = PythonReference.unit(sum);
        double[] actual = unit(viaApp);
        double cosine = 0;
        for (int k = 0; k < expected.length; k++) {
            cosine += expected[k] * actual[k];
            assertEquals(expected[k], viaApp[k], 1e-5, "value " + k);
        }
        assertTrue(cosine > 1 - 1e-9, "cosine " + cosine);
    }

    /** Up to 60 s nothing is cut: the app's embedding is the model's embedding of the whole track. */
    @Test
    void fiftySecondsIsEmbeddedWhole() {
        PreparedAudio audio = recording("fifty-seconds", 50);
        assertArrayEquals(model.embed(audio.samples()), embed(audio), 1e-6f);
    }

    private static double[] unit(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return PythonReference.unit(d);
    }
}
