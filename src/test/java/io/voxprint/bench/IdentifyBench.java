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
import java.util.stream.IntStream;

/**
 * Java side of bench/identify/run.sh (a measurement, not a test): SpeakerIndex.topK over the first
 * n rows of models.npy for each size, median milliseconds per query after a one-second warm-up, plus the
 * machine's memory bandwidth measured in the same process the way STREAM does ({@link StreamBandwidth}).
 * Usage: IdentifyBench DATA_DIR SIZES(comma) K OUT_JSON LAST_LEVEL_CACHE_BYTES
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
        long cache = args.length > 4 ? Long.parseLong(args[4]) : 0;
        StreamBandwidth.Result stream = StreamBandwidth.measure(cache, threads());
        System.out.println("java   " + stream.describe());
        json.append("}, \"bandwidth_gbs\": ").append(stream.bestGbs()).append(", \"copy_gbs\": ")
                .append(stream.copyGbs()).append(", \"triad_gbs\": ").append(stream.triadGbs())
                .append(", \"array_mib\": ").append(stream.arrayBytes() >> 20).append("}");
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

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }
}
