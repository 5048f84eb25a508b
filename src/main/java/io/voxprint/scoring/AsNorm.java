package io.voxprint.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Adaptive symmetric score normalisation (AS-norm). Both sides of a trial are scored against a
 * cohort of other speakers; only the topN closest cohort scores of each side count:
 * <pre>
 *   norm = 0.5 * ((s - mu_e) / sd_e + (s - mu_t) / sd_t)
 * </pre>
 * where mu_e, sd_e are the mean and population standard deviation (divide by n) of the topN
 * cohort scores of the enrolled voiceprint, and mu_t, sd_t those of the test embedding. The claimed
 * speaker, when it is part of the cohort, is left out on both sides.
 */
public final class AsNorm {

    public static final int DEFAULT_TOP_N = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Mean and population standard deviation of one side's topN cohort scores. */
    public record Stats(double mean, double sd, int count) {
    }

    private final SpeakerIndex cohort;
    private final int topN;

    /** A fixed cohort (rows are normalised again on the way in). */
    public AsNorm(float[][] cohort, int topN) {
        this(indexOf(cohort), topN);
    }

    /** A live cohort, for instance the index of enrolled speakers (changes to it are seen at once). */
    public AsNorm(SpeakerIndex cohort, int topN) {
        if (topN < 2) {
            throw new ScoringException("AS-norm needs at least the 2 closest cohort speakers, not " + topN + ".");
        }
        this.cohort = cohort;
        this.topN = topN;
    }

    public int topN() {
        return topN;
    }

    /** Statistics of the topN cohort scores of one vector; excludedKey (may be null) is left out. */
    public Stats cohortStats(float[] vector, String excludedKey) {
        List<Candidate> top = cohort.topK(vector, topN, excludedKey);
        if (top.size() < 2) {
            throw new ScoringException("AS-norm needs a cohort of at least 2 other speakers; it has " + top.size() + ".");
        }
        double sum = 0;
        for (Candidate c : top) {
            sum += c.score();
        }
        double mean = sum / top.size();
        double ss = 0;
        for (Candidate c : top) {
            double d = c.score() - mean;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / top.size());
        if (!(sd > 0)) {
            throw new ScoringException("The cohort scores are all equal, so AS-norm cannot scale them; use a varied cohort.");
        }
        return new Stats(mean, sd, top.size());
    }

    public double normalize(double rawScore, float[] voiceprint, float[] probe) {
        return normalize(rawScore, voiceprint, probe, null);
    }

    /** claimedKey: the key of the claimed speaker in the cohort, left out on both sides (null if not in it). */
    public double normalize(double rawScore, float[] voiceprint, float[] probe, String claimedKey) {
        return normalize(rawScore, cohortStats(voiceprint, claimedKey), cohortStats(probe, claimedKey));
    }

    /** With precomputed statistics (the enrollment side can be cached per speaker). */
    public static double normalize(double rawScore, Stats enroll, Stats test) {
        return 0.5 * ((rawScore - enroll.mean()) / enroll.sd() + (rawScore - test.mean()) / test.sd());
    }

    /** A float32 [n, dim] .npy file as rows. */
    public static float[][] readNpy(Path file) {
        return Npy.read(file).toRows();
    }

    /**
     * A cohort file: a .npy float32 [n, dim] array, or JSON: either an array of embeddings
     * ({@code [[0.1, ...], ...]}) or an object with such an array under "embeddings".
     */
    public static float[][] readCohort(Path file) {
        try {
            if (Npy.looksLikeNpy(file)) {
                return readNpy(file);
            }
            return readJson(file);
        } catch (NoSuchFileException e) {
            throw new ScoringException("The cohort file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new ScoringException("The cohort file " + file + " could not be read"
                    + (e instanceof java.nio.file.AccessDeniedException ? ": permission denied." : "."), e);
        }
    }

    private static float[][] readJson(Path file) throws IOException {
        JsonNode root;
        try (var reader = Files.newBufferedReader(file)) {
            root = JSON.readTree(reader);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ScoringException("The cohort file " + file.getFileName() + " is neither a .npy file nor valid JSON.", e);
        }
        JsonNode list = root != null && root.isObject() ? root.get("embeddings") : root;
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ScoringException("The cohort file " + file.getFileName()
                    + " holds no list of embeddings (expected [[...], ...] or {\"embeddings\": [[...], ...]}).");
        }
        List<float[]> rows = new ArrayList<>();
        for (JsonNode row : list) {
            if (!row.isArray() || row.isEmpty() || (!rows.isEmpty() && row.size() != rows.get(0).length)) {
                throw new ScoringException("Embedding " + (rows.size() + 1) + " of the cohort file " + file.getFileName()
                        + " is not a list of numbers of the same size as the first.");
            }
            float[] v = new float[row.size()];
            for (int j = 0; j < v.length; j++) {
                if (!row.get(j).isNumber()) {
                    throw new ScoringException("Embedding " + (rows.size() + 1) + " of the cohort file "
                            + file.getFileName() + " contains something other than a number.");
                }
                v[j] = (float) row.get(j).asDouble();
            }
            rows.add(v);
        }
        return rows.toArray(new float[0][]);
    }

    private static SpeakerIndex indexOf(float[][] rows) {
        if (rows.length == 0) {
            throw new ScoringException("The AS-norm cohort is empty.");
        }
        SpeakerIndex index = new SpeakerIndex(rows[0].length, rows.length);
        for (int i = 0; i < rows.length; i++) {
            index.put("cohort-" + i, rows[i]);
        }
        return index;
    }
}
