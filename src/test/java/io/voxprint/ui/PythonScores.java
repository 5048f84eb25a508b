package io.voxprint.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeddings Python computed for the e2e recordings (tools/fixtures/make_e2e_reference.py) and
 * double-precision scoring written here, independently of the production code.
 */
final class PythonScores {
    static final Path E2E = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"), "e2e");
    static final Path FIXTURE_MODEL = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"),
            "model", "ecapa2-fixture.pt").toAbsolutePath();
    private final JsonNode embeddings;

    PythonScores() throws IOException {
        embeddings = new ObjectMapper().readTree(E2E.resolve("reference-embeddings.json").toFile()).get("embeddings");
    }

    double[] embedding(String file) {
        JsonNode a = embeddings.get(file);
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    static double[] unit(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / Math.sqrt(n);
        }
        return out;
    }

    static double cosine(double[] a, double[] b) {
        double[] ua = unit(a);
        double[] ub = unit(b);
        double s = 0;
        for (int i = 0; i < ua.length; i++) {
            s += ua[i] * ub[i];
        }
        return s;
    }

    /** A speaker's model: the unit mean of the unit embeddings of their enrollment files. */
    double[] speakerModel(String... files) {
        List<double[]> units = new ArrayList<>();
        for (String f : files) {
            units.add(unit(embedding(f)));
        }
        double[] mean = new double[units.get(0).length];
        for (double[] u : units) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += u[i];
            }
        }
        return unit(mean);
    }

    /** Cosine of a probe file with the model of {@code who}-1..3. */
    double score(String probe, String who) {
        return cosine(embedding(probe), speakerModel(who + "-1.wav", who + "-2.wav", who + "-3.wav"));
    }
}
