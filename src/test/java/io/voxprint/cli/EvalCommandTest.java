package io.voxprint.cli;

import io.voxprint.testing.PythonReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voxprint eval} on a VoxCeleb-style trial list: its EER and minDCF must agree, to 1e-6, with
 * an independent computation from the scores it writes, and those scores with Python's embeddings.
 */
class EvalCommandTest {
    @TempDir
    Path home;

    @Test
    void evalAgreesWithAnIndependentComputationFromItsOwnScores() throws Exception {
        List<String> files = new ArrayList<>();
        for (String who : List.of("alice", "bob", "carol")) {
            for (int i = 1; i <= 4; i++) {
                files.add(who + "-" + i + ".wav");
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            for (int j = i + 1; j < files.size(); j++) {
                boolean same = files.get(i).split("-")[0].equals(files.get(j).split("-")[0]);
                lines.add((same ? "1 " : "0 ") + files.get(i) + " " + files.get(j));
            }
        }
        Path trials = home.resolve("trials.txt");
        Files.write(trials, lines);
        Path scores = home.resolve("scores.txt");
        Path plots = home.resolve("plots");
        Map<String, String> env = CliRun.env(home);

        CliRun r = CliRun.run(env, "eval", "--model", CliRun.FIXTURE_MODEL.toString(), "--trials", trials.toString(),
                "--root", CliRun.E2E.toString(), "--scores", scores.toString(), "--plots", plots.toString());
        assertEquals(0, r.exitCode, r.toString());
        JsonNode result = r.single();
        assertEquals(lines.size(), result.get("trials").asInt());

        PythonReference python = new PythonReference();
        List<Double> tar = new ArrayList<>();
        List<Double> non = new ArrayList<>();
        List<String> written = Files.readAllLines(scores);
        assertEquals(lines.size(), written.size());
        for (String line : written) {
            String[] f = line.split(" ");
            double s = Double.parseDouble(f[1]);
            assertEquals(PythonReference.cosine(python.embedding(f[2]), python.embedding(f[3])), s, 1e-3, line);
            (f[0].equals("1") ? tar : non).add(s);
        }
        double[] t = tar.stream().mapToDouble(Double::doubleValue).toArray();
        double[] n = non.stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(independentEer(t, n), result.get("eer").asDouble(), 1e-6);
        assertEquals(independentMinDcf(t, n, 0.01), result.get("minDcf").asDouble(), 1e-6);
        assertTrue(Double.isFinite(result.get("cllr").asDouble()));

        for (String png : List.of("det.png", "scores.png")) {
            var image = ImageIO.read(plots.resolve(png).toFile());
            assertTrue(image != null && image.getWidth() > 300, png + " is a real image");
        }
        // The second run finds every embedding in the cache and gives the same figures.
        CliRun again = CliRun.run(env, "eval", "--model", CliRun.FIXTURE_MODEL.toString(), "--trials",
                trials.toString(), "--root", CliRun.E2E.toString());
        assertEquals(result.get("eer").asDouble(), again.single().get("eer").asDouble(), 0.0);
    }

    @Test
    void progressCountsFilesNotMegabytes() throws IOException {
        Path trials = home.resolve("trials.txt");
        // The last line is labelled wrongly on purpose: overlapping classes let a calibration fit.
        Files.write(trials, List.of("1 alice-1.wav alice-2.wav", "0 alice-1.wav bob-1.wav",
                "0 fmt-44k1-mono-s24.flac alice-2.wav", "1 fmt-44k1-mono-s24.flac fmt-44k1-mono-s24.flac",
                "1 bob-1.wav carol-1.wav", "0 alice-3.wav alice-4.wav", "1 bob-2.wav bob-3.wav",
                "0 bob-4.wav carol-2.wav"));
        CliRun r = CliRun.run(CliRun.env(home), "eval", "--model", CliRun.FIXTURE_MODEL.toString(), "--trials",
                trials.toString(), "--root", CliRun.E2E.toString());
        assertEquals(0, r.exitCode, r.toString());
        // eleven files: without a terminal a line at every tenth of the batch, the last one complete
        assertTrue(r.err.contains("Embedding: 11 of 11 files"), r.err);
        assertTrue(!r.err.contains("MB"), r.err);
    }

    @Test
    void aMalformedTrialListNamesTheLine() throws IOException {
        Path trials = home.resolve("bad.txt");
        Files.write(trials, List.of("1 a.wav b.wav", "yes a.wav"));
        CliRun r = CliRun.run(CliRun.env(home), "eval", "--model", CliRun.FIXTURE_MODEL.toString(), "--trials",
                trials.toString());
        assertEquals(VoxprintCli.ERROR, r.exitCode);
        assertTrue(r.err.contains("Line 2"), r.err);
    }

    /** EER from the ROC built at every distinct score, interpolated where miss and false-alarm rates cross. */
    static double independentEer(double[] tar, double[] non) {
        double[] all = concatSortedDescendingDistinct(tar, non);
        double prevMiss = 1.0;
        double prevFa = 0.0;
        for (double threshold : all) {
            double miss = fraction(tar, s -> s < threshold);
            double fa = fraction(non, s -> s >= threshold);
            if (miss <= fa) {
                // Straight line between the previous ROC point and this one; find where miss == fa.
                double dMiss = miss - prevMiss;
                double dFa = fa - prevFa;
                double u = (prevFa - prevMiss) / (dMiss - dFa);
                return prevMiss + u * dMiss;
            }
            prevMiss = miss;
            prevFa = fa;
        }
        return 0.0;
    }

    /** Normalised minimum detection cost, every distinct score (and +inf) tried as the threshold. */
    static double independentMinDcf(double[] tar, double[] non, double pTarget) {
        double best = Double.POSITIVE_INFINITY;
        double[] thresholds = concatSortedDescendingDistinct(tar, non);
        double[] withInf = Arrays.copyOf(thresholds, thresholds.length + 1);
        withInf[thresholds.length] = Double.POSITIVE_INFINITY;
        for (double threshold : withInf) {
            double miss = fraction(tar, s -> s < threshold);
            double fa = fraction(non, s -> s >= threshold);
            best = Math.min(best, pTarget * miss + (1 - pTarget) * fa);
        }
        return best / Math.min(pTarget, 1 - pTarget);
    }

    private static double[] concatSortedDescendingDistinct(double[] a, double[] b) {
        return java.util.stream.DoubleStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().boxed()
                .sorted((x, y) -> Double.compare(y, x)).mapToDouble(Double::doubleValue).toArray();
    }

    private static double fraction(double[] xs, java.util.function.DoublePredicate p) {
        int c = 0;
        for (double x : xs) {
            if (p.test(x)) {
                c++;
            }
        }
        return (double) c / xs.length;
    }
}
