package io.voxprint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeddings computed by Python (tools/fixtures/make_e2e_reference.py: torchaudio.load, mean over
 * channels, torchaudio resample, model(audio)), and double-precision scoring written independently
 * of the production code, so tests check the app against numbers it did not make.
 */
final class PythonReference {
    private final JsonNode embeddings;
    private final JsonNode legacyEmbeddings;

    PythonReference() throws IOException {
        JsonNode root = new ObjectMapper().readTree(CliRun.E2E.resolve("reference-embeddings.json").toFile());
        embeddings = root.get("embeddings");
        legacyEmbeddings = root.get("legacyEmbeddings");
    }

    double[] embedding(String file) {
        return vector(embeddings, file);
    }

    /** Python's {@code model.extract_embedding(audio)} of the older-card fixture. */
    double[] legacyEmbedding(String file) {
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

    static double[] unit(double[] v) {
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

    static double cosine(double[] a, double[] b) {
        double[] ua = unit(a);
        double[] ub = unit(b);
        double s = 0;
        for (int i = 0; i < ua.length; i++) {
            s += ua[i] * ub[i];
        }
        return s;
    }

    /** The speaker model: the normalised mean of the normalised enrollment embeddings. */
    double[] speakerModel(String... files) {
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
}
