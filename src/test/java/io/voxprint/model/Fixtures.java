package io.voxprint.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fixtures and Python reference outputs written by tools/fixtures/make_test_model.py. */
final class Fixtures {
    static final Path DIR = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"), "model");
    static final Path CURRENT = DIR.resolve("ecapa2-fixture.pt");
    static final Path LEGACY = DIR.resolve("model-legacy-fixture.pt");
    static final Path NOT_ECAPA2 = DIR.resolve("not-ecapa2.pt");
    static final Path NOT_TORCHSCRIPT = DIR.resolve("not-torchscript.pt");
    static final Path TYPED_LEGACY = DIR.resolve("typed-legacy-fixture.pt");
    static final List<String> WAVES = List.of("wave-1s-noise", "wave-3s-speech", "wave-7.3s-chirp");

    private static JsonNode reference;

    private Fixtures() {
    }

    static synchronized JsonNode reference() {
        if (reference == null) {
            try {
                reference = new ObjectMapper().readTree(DIR.resolve("reference.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    /** {@code "current"} or {@code "legacy"}. */
    static JsonNode model(String key) {
        return reference().get("models").get(key);
    }

    static float[] wave(String name) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(DIR.resolve(name + ".f32")))
                    .order(ByteOrder.LITTLE_ENDIAN);
            float[] samples = new float[bytes.remaining() / Float.BYTES];
            bytes.asFloatBuffer().get(samples);
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fact store of its own, so that the load under test probes rather than remembers. */
    static FactStore freshFacts() {
        try {
            Path dir = Files.createTempDirectory("voxprint-facts");
            dir.toFile().deleteOnExit();
            return FactStore.in(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String resource) {
        try {
            return new ObjectMapper().readTree(DIR.resolve(resource).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static double maxAbsDiff(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs((double) expected[i] - actual[i]));
        }
        return max;
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
