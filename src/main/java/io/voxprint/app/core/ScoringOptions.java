package io.voxprint.app.core;

import io.voxprint.scoring.Thresholds;
import java.nio.file.Path;

/**
 * The user's choices that shape a decision.
 *
 * @param threshold  cosine threshold; null means the calibrated EER threshold of the model if any,
 *                   else {@link #DEFAULT_THRESHOLD}
 * @param asNorm     report and decide on the AS-normalised score
 * @param cohortFile an extra AS-norm cohort (.npy float32 [n, dim]) besides the enrolled speakers, or null
 * @param keepAudio  keep enrollment audio in the database so a model change can re-enroll from it
 */
public record ScoringOptions(Double threshold, boolean asNorm, Path cohortFile, boolean keepAudio) {

    /** Cosine threshold used before any calibration replaces it (docs/scoring.md). */
    public static final double DEFAULT_THRESHOLD = Thresholds.DEFAULT_COSINE;

    /** AS-norm threshold: the normalised score is in standard deviations above the cohort. */
    public static final double DEFAULT_NORM_THRESHOLD = 3.0;

    public static ScoringOptions defaults() {
        return new ScoringOptions(null, false, null, false);
    }

    public ScoringOptions withThreshold(Double t) {
        return new ScoringOptions(t, asNorm, cohortFile, keepAudio);
    }

    public ScoringOptions withAsNorm(boolean on) {
        return new ScoringOptions(threshold, on, cohortFile, keepAudio);
    }

    public ScoringOptions withKeepAudio(boolean on) {
        return new ScoringOptions(threshold, asNorm, cohortFile, on);
    }

    public ScoringOptions withCohortFile(Path file) {
        return new ScoringOptions(threshold, asNorm, file, keepAudio);
    }
}
