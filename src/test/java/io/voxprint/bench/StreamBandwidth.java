package io.voxprint.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Memory bandwidth measured the way STREAM does (McCalpin): the Copy ({@code c[i] = a[i]}) and Triad
 * ({@code a[i] = b[i] + q * c[i]}) kernels over float arrays far larger than the last-level cache,
 * split across all cores, best of several trials, counting the bytes the kernel names (Copy 8 per
 * element, Triad 12). The kernels are element-wise loops with one index, which C2 vectorises, so
 * the rate is set by memory, not by the adds: a scalar reduction (the {@code long} sum used before)
 * is compute-bound on processors with large caches and fast memory.
 */
final class StreamBandwidth {
    /** STREAM's rule: each array at least four times the last-level cache. */
    static final int CACHE_FACTOR = 4;
    static final long MIN_ARRAY_BYTES = 256L << 20;
    /** Three arrays of this size must fit a benchmark heap on a desktop: 3 GiB at most. */
    static final long MAX_ARRAY_BYTES = 1L << 30;
    private static final int TRIALS = 7;
    private static final float Q = 3.0f;

    record Result(double copyGbs, double triadGbs, long arrayBytes, long lastLevelCacheBytes, int threads) {
        double bestGbs() {
            return Math.max(copyGbs, triadGbs);
        }

        String describe() {
            return String.format(Locale.ROOT, "STREAM-style, %d threads, 3 arrays of %d MiB (%.1fx the %d MiB last-level"
                    + " cache): Copy %.1f GB/s, Triad %.1f GB/s", threads, arrayBytes >> 20,
                    arrayBytes / (double) Math.max(1, lastLevelCacheBytes), lastLevelCacheBytes >> 20, copyGbs, triadGbs);
        }
    }

    private StreamBandwidth() {
    }

    /** Bytes per array: four times the cache, within [256 MiB, 1 GiB]. */
    static long arrayBytes(long lastLevelCacheBytes) {
        return Math.min(MAX_ARRAY_BYTES, Math.max(MIN_ARRAY_BYTES, CACHE_FACTOR * lastLevelCacheBytes));
    }

    static Result measure(long lastLevelCacheBytes, int threads) throws Exception {
        return measure(arrayBytes(lastLevelCacheBytes), lastLevelCacheBytes, threads);
    }

    /** The trials over three arrays of {@code bytes} each (the tests use small ones). */
    static Result measure(long bytes, long lastLevelCacheBytes, int threads) throws Exception {
        int n = (int) (bytes / Float.BYTES);
        float[] a = new float[n];
        float[] b = new float[n];
        float[] c = new float[n];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // first touch on the worker threads, as STREAM initialises in parallel
            run(pool, threads, n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    a[i] = 1.0f;
                    b[i] = 2.0f;
                    c[i] = 0.0f;
                }
            });
            double bestCopy = 0;
            double bestTriad = 0;
            for (int t = 0; t < TRIALS; t++) {
                long start = System.nanoTime();
                run(pool, threads, n, (from, to) -> copy(a, c, from, to));
                bestCopy = Math.max(bestCopy, 2.0 * bytes / (System.nanoTime() - start));
                start = System.nanoTime();
                run(pool, threads, n, (from, to) -> triad(a, b, c, from, to));
                bestTriad = Math.max(bestTriad, 3.0 * bytes / (System.nanoTime() - start));
            }
            // STREAM's check: every a[i] is what the same trials give on scalars. Each trial copies a into
            // c and then sets a to b + q * c, so a grows from trial to trial (1, 5, 17, ...).
            float expected = 1.0f;
            for (int t = 0; t < TRIALS; t++) {
                expected = 2.0f + Q * expected;
            }
            for (int i = 0; i < n; i += 4099) {
                if (a[i] != expected) {
                    throw new IllegalStateException("triad gave " + a[i] + " at " + i + ", not " + expected);
                }
            }
            return new Result(bestCopy, bestTriad, bytes, lastLevelCacheBytes, threads);
        } finally {
            pool.shutdown();
        }
    }

    static void copy(float[] a, float[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = a[i];
        }
    }

    static void triad(float[] a, float[] b, float[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = b[i] + Q * c[i];
        }
    }

    private interface Range {
        void run(int from, int to);
    }

    private static void run(ExecutorService pool, int threads, int n, Range range) throws Exception {
        List<Future<?>> parts = new ArrayList<>();
        int per = n / threads;
        for (int p = 0; p < threads; p++) {
            int from = p * per;
            int to = p == threads - 1 ? n : from + per;
            parts.add(pool.submit(() -> range.run(from, to)));
        }
        for (Future<?> f : parts) {
            f.get();
        }
    }
}
