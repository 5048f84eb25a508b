package io.voxprint.bench;

import io.voxprint.scoring.Candidate;
import io.voxprint.scoring.Npy;
import io.voxprint.scoring.NpyMatrix;
import io.voxprint.scoring.SpeakerIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Java side of bench/identify/run.sh (a measurement, not a test): SpeakerIndex.topK over the first
 * n rows of models.npy for each size, median milliseconds per query after a one-second warm-up, plus the
 * machine's streaming-read bandwidth measured in the same process.
 * Usage: IdentifyBench DATA_DIR SIZES(comma) K OUT_JSON
 */
public final class IdentifyBench {

    private IdentifyBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int k = Integer.parseInt(args[2]);
        float[][] queries = Npy.read(data.resolve("queries.npy")).toRows();
        StringBuilder json = new StringBuilder("{\"sizes\": {");
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            SpeakerIndex index = load(data.resolve("models.npy"), n);
            // warm up for at least a second, so that the optimising compiler has finished even on a busy machine
            long warmStart = System.nanoTime();
            for (int w = 0; w < 60 || System.nanoTime() - warmStart < 1_000_000_000L; w++) {
                index.topK(queries[w % 20], k);
            }
            double[] ms = new double[queries.length];
            List<String> top1 = new ArrayList<>();
            for (int i = 0; i < queries.length; i++) {
                long t = System.nanoTime();
                List<Candidate> top = index.topK(queries[i], k);
                ms[i] = (System.nanoTime() - t) / 1e6;
                top1.add(top.get(0).key());
            }
            double median = median(ms);
            System.out.printf("java   n=%8d  median %.3f ms/query%n", n, median);
            json.append(s == 0 ? "" : ", ").append('"').append(n).append("\": {\"median_ms\": ").append(median)
                    .append(", \"top1\": [").append(String.join(", ", top1)).append("]}");
        }
        double gbs = bandwidth();
        System.out.printf("java   streaming read (long sum, %d threads): %.1f GB/s%n", threads(), gbs);
        json.append("}, \"bandwidth_gbs\": ").append(gbs).append("}");
        Files.writeString(Path.of(args[3]), json);
    }

    private static SpeakerIndex load(Path models, int n) throws IOException {
        NpyMatrix m = Npy.read(models, n);
        SpeakerIndex index = new SpeakerIndex(m.cols(), m.rows());
        List<String> keys = IntStream.range(0, m.rows()).mapToObj(Integer::toString).toList();
        index.putAll(keys, m.data());
        return index;
    }

    private static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Sums a 768 MB long[] (the size of the 1M x 192 index) split across all cores, four
     * independent accumulators per thread: a plain sequential read at the rate memory delivers.
     */
    private static double bandwidth() throws Exception {
        long[] big = new long[96_000_000];
        Arrays.fill(big, 1L);
        int parts = threads();
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            double[] gbs = new double[9];
            for (int r = 0; r < gbs.length; r++) {
                long t = System.nanoTime();
                List<Future<Long>> fs = new ArrayList<>();
                int per = big.length / parts;
                for (int p = 0; p < parts; p++) {
                    int from = p * per;
                    int to = p == parts - 1 ? big.length : from + per;
                    fs.add(pool.submit(() -> sum(big, from, to)));
                }
                long total = 0;
                for (Future<Long> f : fs) {
                    total += f.get();
                }
                gbs[r] = big.length * 8.0 / (System.nanoTime() - t);
                if (total != big.length) {
                    throw new IllegalStateException("sum " + total);
                }
            }
            return median(gbs);
        } finally {
            pool.shutdown();
        }
    }

    private static long sum(long[] a, int from, int to) {
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i];
        }
        return s0 + s1 + s2 + s3;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }
}
