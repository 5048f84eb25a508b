package io.voxprint.app.core;

import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.scoring.Vectors;
import java.util.Optional;

/**
 * Every rule that turns a score into a decision, in one place: which threshold is in force
 * (explicit, else the model's calibrated EER threshold, else the default; AS-norm has its own),
 * the likelihood ratio from the model's calibration, and whether the AS-normalised score decides.
 */
public final class DecisionPolicy {
    private final LiveOptions options;
    private final CalibrationFile calibrations;
    private final Cohort cohort;

    public DecisionPolicy(LiveOptions options, CalibrationFile calibrations, Cohort cohort) {
        this.options = options;
        this.calibrations = calibrations;
        this.cohort = cohort;
    }

    /** A verification's figures and verdict; {@code normScore} and {@code llr} are null when not in use. */
    public record Verdict(double score, Double normScore, Double llr, double threshold, boolean accepted) {
        /** The score the decision was taken on. */
        public double decidingScore() {
            return normScore != null ? normScore : score;
        }
    }

    /** Decides whether {@code probe} (an embedding, not normalised) is the enrolled {@code speaker}. */
    public Verdict verify(String modelSha256, SpeakerIndex speakers, String speaker, float[] probe) {
        ScoringOptions now = options.get();
        double score = speakers.score(speaker, probe);
        Double normScore = now.asNorm()
                ? cohort.forClaim(modelSha256, speakers.dim(), now.cohortFile(), speaker)
                        .normalize(score, speakers.voiceprint(speaker), Vectors.normalize(probe), speaker)
                : null;
        Optional<Calibration> calibration = calibrations.read(modelSha256);
        Double llr = calibration.map(c -> c.llr(score)).orElse(null);
        double threshold = threshold(now, calibration);
        return new Verdict(score, normScore, llr, threshold, (normScore != null ? normScore : score) >= threshold);
    }

    /** The threshold a verification uses now. */
    public double threshold(String modelSha256) {
        return threshold(options.get(), calibrations.read(modelSha256));
    }

    /** Identification ranks raw cosines, so its threshold is the raw one even with AS-norm on. */
    public double identificationThreshold(String modelSha256) {
        return rawThreshold(options.get(), calibrations.read(modelSha256));
    }

    /** In words, where the verification threshold in force comes from (the settings view shows it). */
    public String thresholdSource(String modelSha256) {
        ScoringOptions now = options.get();
        if (now.threshold() != null) {
            return "set in the settings";
        }
        Optional<Calibration> calibration = calibrations.read(modelSha256);
        return !now.asNorm() && calibration.isPresent() ? "the calibrated equal-error-rate threshold" : "the default";
    }

    public Optional<Calibration> calibration(String modelSha256) {
        return calibrations.read(modelSha256);
    }

    private static double threshold(ScoringOptions options, Optional<Calibration> calibration) {
        if (options.asNorm()) {
            return options.threshold() != null ? options.threshold() : ScoringOptions.DEFAULT_NORM_THRESHOLD;
        }
        return rawThreshold(options, calibration);
    }

    private static double rawThreshold(ScoringOptions options, Optional<Calibration> calibration) {
        if (options.threshold() != null && !options.asNorm()) {
            return options.threshold();
        }
        return calibration.map(Calibration::eerThreshold).orElse(ScoringOptions.DEFAULT_THRESHOLD);
    }
}
