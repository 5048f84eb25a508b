package io.voxprint.app.diarize;

import io.voxprint.scoring.AsNorm;
import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.scoring.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enrolled speakers a recording is searched for, with the decision the app would take for one
 * of them: the threshold (explicit, calibrated, or the default), on the raw cosine or, with AS-norm,
 * on the normalised score (cohort: the other enrolled speakers and an optional cohort file).
 */
public final class EnrolledVoices {
    private final String[] names;
    private final float[][] models;
    private final double threshold;
    private final AsNorm asNorm;
    private final AsNorm.Stats[] enrollStats;

    /** The best enrolled speaker for one embedding: its index in {@link #names()} and the score. */
    public record Match(int speaker, double score, double[] scores) {
    }

    private EnrolledVoices(Map<String, float[]> models, double threshold, AsNorm asNorm) {
        this.names = models.keySet().toArray(String[]::new);
        this.models = new float[names.length][];
        for (int i = 0; i < names.length; i++) {
            this.models[i] = Vectors.normalize(models.get(names[i]));
        }
        this.threshold = threshold;
        this.asNorm = asNorm;
        this.enrollStats = new AsNorm.Stats[names.length];
        if (asNorm != null) {
            for (int i = 0; i < names.length; i++) {
                enrollStats[i] = asNorm.cohortStats(this.models[i], names[i]);
            }
        }
    }

    /** Raw cosine scoring against speaker models (name to embedding, normalised here). */
    public static EnrolledVoices cosine(Map<String, float[]> models, double threshold) {
        return new EnrolledVoices(new LinkedHashMap<>(models), threshold, null);
    }

    /** AS-normalised scoring; {@code extraCohort} rows (may be empty) join the enrolled speakers as cohort. */
    public static EnrolledVoices asNorm(Map<String, float[]> models, List<float[]> extraCohort, double threshold) {
        SpeakerIndex cohort = new SpeakerIndex(models.values().iterator().next().length);
        models.forEach((name, model) -> cohort.put(name, Vectors.normalize(model)));
        List<float[]> extra = new ArrayList<>(extraCohort);
        for (int i = 0; i < extra.size(); i++) {
            cohort.put("\u0000cohort-" + i, Vectors.normalize(extra.get(i)));
        }
        return new EnrolledVoices(new LinkedHashMap<>(models), threshold, new AsNorm(cohort, AsNorm.DEFAULT_TOP_N));
    }

    public List<String> names() {
        return List.of(names);
    }

    public int size() {
        return names.length;
    }

    public double threshold() {
        return threshold;
    }

    /** Scores a normalised embedding against every enrolled speaker. */
    public Match match(float[] unit) {
        double[] scores = new double[names.length];
        AsNorm.Stats probeStats = null;
        int best = -1;
        for (int i = 0; i < names.length; i++) {
            double raw = Vectors.dot(models[i], unit);
            if (asNorm != null) {
                probeStats = asNorm.cohortStats(unit, names[i]);
                scores[i] = AsNorm.normalize(raw, enrollStats[i], probeStats);
            } else {
                scores[i] = raw;
            }
            if (best < 0 || scores[i] > scores[best]) {
                best = i;
            }
        }
        return new Match(best, best < 0 ? Double.NEGATIVE_INFINITY : scores[best], scores);
    }

    public String name(int speaker) {
        return names[speaker];
    }

    /**
     * The decision for a stretch of {@code seconds}: the threshold is meant for whole recordings,
     * and the scores of short stretches shrink toward 0 (a noisier embedding is less aligned with
     * anything), so below {@link #FULL_SECONDS} the threshold shrinks with the square root of the
     * length, to half the threshold at a quarter of that length and no lower.
     */
    public boolean accepts(Match match, double seconds) {
        double factor = Math.max(0.5, Math.min(1, Math.sqrt(seconds / FULL_SECONDS)));
        return match.speaker() >= 0 && match.score() >= threshold * factor;
    }

    /** Stretches at least this long are held to the full threshold. */
    public static final double FULL_SECONDS = 4.0;
}
