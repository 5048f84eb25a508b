package io.voxprint.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AS-norm and the cohort readers against tools/reference/asnorm_reference.py (numpy). */
class AsNormTest {

    private static final Path DIR = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"),
            "io", "voxprint", "scoring");

    private static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("asnorm_reference.json").toFile());
    }

    private static float[] floats(JsonNode a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) a.get(i).asDouble();
        }
        return v;
    }

    @Test
    void npyReaderReadsWhatNumpyWrote() throws IOException {
        JsonNode ref = reference();
        float[][] cohort = AsNorm.readNpy(DIR.resolve("asnorm_cohort.npy"));
        assertEquals(ref.get("cohort_rows").asInt(), cohort.length);
        assertEquals(ref.get("dim").asInt(), cohort[0].length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(floats(ref.get("cohort_row0")), cohort[0], 0f);
        org.junit.jupiter.api.Assertions.assertArrayEquals(floats(ref.get("cohort_row299")), cohort[299], 0f);
        float[][] v2 = AsNorm.readNpy(DIR.resolve("asnorm_cohort_v2.npy"));
        assertEquals(5, v2.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(cohort[4], v2[4], 0f);
        assertEquals(3, Npy.read(DIR.resolve("asnorm_cohort.npy"), 3).rows(), "a prefix can be read alone");
    }

    @Test
    void normalisedScoresMatchNumpyForEveryTopN() throws IOException {
        JsonNode ref = reference();
        float[][] cohort = AsNorm.readNpy(DIR.resolve("asnorm_cohort.npy"));
        for (String n : List.of("100", "10", "5", "1000")) {
            AsNorm norm = new AsNorm(cohort, Integer.parseInt(n));
            for (JsonNode trial : ref.get("trials")) {
                String claimed = trial.get("exclude").isNull() ? null : "cohort-" + trial.get("exclude").asInt();
                double expected = trial.get("norm").get(n).asDouble();
                double actual = norm.normalize(trial.get("raw").asDouble(), floats(trial.get("enroll")),
                        floats(trial.get("probe")), claimed);
                // cohort cosines are float sums; dividing by a small top-N spread magnifies their rounding
                assertEquals(expected, actual, 1e-4 * Math.max(1, Math.abs(expected)), "topN " + n + " " + trial.get("raw"));
            }
        }
        JsonNode first = ref.get("trials").get(0);
        AsNorm.Stats s = new AsNorm(cohort, 100).cohortStats(floats(first.get("enroll")), null);
        assertEquals(first.get("enroll_mean_top100").asDouble(), s.mean(), 1e-6);
        assertEquals(first.get("enroll_sd_top100").asDouble(), s.sd(), 1e-6);
        assertEquals(100, s.count());
    }

    @Test
    void theEnrolledSpeakersCanServeAsTheCohortWithTheClaimedOneLeftOut() throws IOException {
        JsonNode ref = reference();
        float[][] cohort = AsNorm.readNpy(DIR.resolve("asnorm_cohort.npy"));
        SpeakerIndex enrolled = new SpeakerIndex(cohort[0].length);
        for (int i = 0; i < cohort.length; i++) {
            enrolled.put("cohort-" + i, cohort[i]);
        }
        JsonNode trial = ref.get("trials").get(ref.get("trials").size() - 1);
        assertEquals(17, trial.get("exclude").asInt());
        double actual = new AsNorm(enrolled, 10).normalize(trial.get("raw").asDouble(), floats(trial.get("enroll")),
                floats(trial.get("probe")), "cohort-17");
        double expected = trial.get("norm").get("10").asDouble();
        assertEquals(expected, actual, 1e-4 * Math.max(1, Math.abs(expected)));
    }

    @Test
    void jsonCohortIsReadLikeTheNpyOne(@TempDir Path tmp) throws IOException {
        Path plain = tmp.resolve("cohort.json");
        Files.writeString(plain, "[[1, 0, 0], [0.5, 0.25, -2e-1]]");
        Path wrapped = tmp.resolve("wrapped.json");
        Files.writeString(wrapped, "{\"embeddings\": [[1, 0, 0], [0.5, 0.25, -2e-1]]}");
        for (Path p : List.of(plain, wrapped)) {
            float[][] rows = AsNorm.readCohort(p);
            assertEquals(2, rows.length);
            org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.5f, 0.25f, -0.2f}, rows[1], 0f);
        }
        assertEquals(300, AsNorm.readCohort(DIR.resolve("asnorm_cohort.npy")).length);
    }

    @Test
    void badCohortFilesAndTooSmallCohortsFailInOneSentence(@TempDir Path tmp) throws IOException {
        assertEquals("The file asnorm_float64.npy holds '<f8' values; a cohort file must hold little-endian float32 ('<f4').",
                assertThrows(ScoringException.class, () -> AsNorm.readNpy(DIR.resolve("asnorm_float64.npy"))).getMessage());
        Path ragged = tmp.resolve("ragged.json");
        Files.writeString(ragged, "[[1, 2], [3]]");
        assertThrows(ScoringException.class, () -> AsNorm.readCohort(ragged));
        Path garbage = tmp.resolve("garbage.json");
        Files.writeString(garbage, "not json");
        assertThrows(ScoringException.class, () -> AsNorm.readCohort(garbage));
        assertThrows(ScoringException.class, () -> AsNorm.readCohort(tmp.resolve("missing.npy")));
        Path truncated = tmp.resolve("truncated.npy");
        byte[] whole = Files.readAllBytes(DIR.resolve("asnorm_cohort.npy"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length - 10));
        assertThrows(ScoringException.class, () -> AsNorm.readNpy(truncated));
        AsNorm tiny = new AsNorm(new float[][] {{1, 0}, {0, 1}}, 100);
        assertEquals("AS-norm needs a cohort of at least 2 other speakers; it has 1.",
                assertThrows(ScoringException.class, () -> tiny.normalize(0.5, new float[] {1, 1}, new float[] {1, 0}, "cohort-0"))
                        .getMessage());
    }
}
