package io.voxprint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeddings computed by Python (tools/fixtures/make_e2e_reference.py: torchaudio.load, mean over
 * channels, torchaudio resample, model(audio)), and double-precision scoring written independently
 * of the production code, so tests check the app against numbers it did not make.
 */
public final class PythonReference {
    public static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));
    public static final Path E2E = RESOURCES.resolve("e2e");
    public static final Path FIXTURE_MODEL = RESOURCES.resolve("model/ecapa2-fixture.pt").toAbsolutePath();

    private final JsonNode embeddings;
    private final JsonNode legacyEmbeddings;

    public PythonReference() throws IOException {
        JsonNode root = new ObjectMapper().readTree(E2E.resolve("reference-embeddings.json").toFile());
        embeddings = root.get("embeddings");
        legacyEmbeddings = root.get("legacyEmbeddings");
    }

    public double[] embedding(String file) {
        return vector(embeddings, file);
    }

    /** Python's {@code model.extract_embedding(audio)} of the older-card fixture. */
    public double[] legacyEmbedding(String file) {
        return vector(legacyEmbeddings, file);
    }

    private static double[] vector(JsonNode table, String file) {
        JsonNode a = table.get(file);
        if (a == null) {
            throw new AssertionError("no Python reference for " + file);
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    public static double[] unit(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / n;
        }
        return out;
    }

    public static double cosine(double[] a, double[] b) {
        double[] ua = unit(a);
        double[] ub = unit(b);
        double s = 0;
        for (int i = 0; i < ua.length; i++) {
            s += ua[i] * ub[i];
        }
        return s;
    }

    /** The speaker model: the normalised mean of the normalised enrollment embeddings. */
    public double[] voiceprint(String... files) {
        List<double[]> units = new ArrayList<>();
        for (String f : files) {
            units.add(unit(embedding(f)));
        }
        double[] mean = new double[units.get(0).length];
        for (double[] u : units) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += u[i] / units.size();
            }
        }
        return unit(mean);
    }

    /** Cosine of a probe file with the model of {@code who}-1..3. */
    public double score(String probe, String who) {
        return cosine(embedding(probe), voiceprint(who + "-1.wav", who + "-2.wav", who + "-3.wav"));
    }
}
