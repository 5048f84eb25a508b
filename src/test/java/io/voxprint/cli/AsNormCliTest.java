package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.voxprint.testing.PythonReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --as-norm}: the normalised score against one computed here from Python's embeddings. */
class AsNormCliTest {
    @TempDir
    Path home;

    private static String e2e(String name) {
        return CliRun.E2E.resolve(name).toString();
    }

    /** 0.5 * ((s - mean_e) / sd_e + (s - mean_t) / sd_t) over the whole (small) cohort, population sd. */
    private static double asNorm(double s, double[] voiceprint, double[] probe, List<double[]> cohort) {
        double[] e = stats(voiceprint, cohort);
        double[] t = stats(probe, cohort);
        return 0.5 * ((s - e[0]) / e[1] + (s - t[0]) / t[1]);
    }

    private static double[] stats(double[] v, List<double[]> cohort) {
        double sum = 0;
        double sq = 0;
        for (double[] c : cohort) {
            double x = PythonReference.cosine(v, c);
            sum += x;
            sq += x * x;
        }
        double mean = sum / cohort.size();
        return new double[] {mean, Math.sqrt(sq / cohort.size() - mean * mean)};
    }

    @Test
    void normalisedScoreUsesTheOtherEnrolledSpeakersAndAnImportedCohort() throws Exception {
        Map<String, String> env = CliRun.env(home);
        String model = CliRun.FIXTURE_MODEL.toString();
        for (String who : List.of("alice", "bob", "carol")) {
            CliRun r = CliRun.run(env, "enroll", "--model", model, "--name", who,
                    e2e(who + "-1.wav"), e2e(who + "-2.wav"), e2e(who + "-3.wav"));
            assertEquals(0, r.exitCode, r.toString());
        }
        PythonReference python = new PythonReference();
        double[] alice = python.voiceprint("alice-1.wav", "alice-2.wav", "alice-3.wav");
        double[] probe = python.embedding("alice-4.wav");
        double raw = PythonReference.cosine(probe, alice);
        List<double[]> cohort = new ArrayList<>(List.of(
                python.voiceprint("bob-1.wav", "bob-2.wav", "bob-3.wav"),
                python.voiceprint("carol-1.wav", "carol-2.wav", "carol-3.wav")));

        CliRun v = CliRun.run(env, "verify", "--model", model, "--name", "alice", "--as-norm", e2e("alice-4.wav"));
        JsonNode line = v.single();
        assertEquals(raw, line.get("score").asDouble(), 1e-3);
        double expected = asNorm(raw, alice, probe, cohort);
        // Cohort cosines lie close together, so the normalised score amplifies the float32 noise of the
        // Java embeddings: compare within 0.2 %.
        assertEquals(expected, line.get("normScore").asDouble(), Math.abs(expected) * 2e-3 + 2e-3, v.toString());
        assertEquals(line.get("normScore").asDouble() >= line.get("threshold").asDouble() ? 0 : 1, v.exitCode);

        Path npy = home.resolve("cohort.npy");
        assertEquals(0, CliRun.run(env, "speakers", "export", "--model", model, "--plaintext", "--npy", npy.toString(),
                home.resolve("all.json").toString()).exitCode);
        for (String who : List.of("alice", "bob", "carol")) {
            for (int i = 1; i <= 3; i++) {
                cohort.add(python.embedding(who + "-" + i + ".wav"));
            }
        }
        CliRun withFile = CliRun.run(env, "verify", "--model", model, "--name", "alice", "--as-norm", "--cohort",
                npy.toString(), e2e("alice-4.wav"));
        double expectedWithFile = asNorm(raw, alice, probe, cohort);
        assertEquals(expectedWithFile, withFile.single().get("normScore").asDouble(),
                Math.abs(expectedWithFile) * 2e-3 + 2e-3, withFile.toString());
        assertTrue(Math.abs(expectedWithFile - expected) > 0.05, "the imported cohort changes the result");
    }
}
