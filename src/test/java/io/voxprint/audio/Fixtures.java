package io.voxprint.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the committed fixtures of tools/fixtures/make_reference_audio.py. */
final class Fixtures {
    static final Path DIR = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"), "audio");

    private Fixtures() {
    }

    static Path file(String name) {
        return DIR.resolve(name);
    }

    /** Raw float32 little-endian, as numpy's {@code astype('<f4').tofile} writes it. */
    static float[] readF32(String name) {
        try {
            byte[] bytes = Files.readAllBytes(file(name));
            float[] out = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a tab-separated table, comment lines skipped. */
    static List<String[]> table(String name) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file(name))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
