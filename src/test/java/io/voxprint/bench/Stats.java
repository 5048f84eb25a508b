package io.voxprint.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;

/** Small helpers shared by the benchmark mains. */
final class Stats {

    private Stats() {
    }

    static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }

    static String list(float[] v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (float x : v) {
            j.add(String.format(Locale.ROOT, "%.7g", x));
        }
        return j.toString();
    }
}
