package io.voxprint.app.evaluate;

import java.util.List;

/**
 * The published protocol's figures on one trial list.
 *
 * @param cllr        Cllr of the log-likelihood ratios (see {@code calibration} for which calibration)
 * @param calibration "saved" when the model's saved calibration was used, else "fitted on these trials"
 */
public record EvaluationResult(int trials, double eer, double eerThreshold, double minDcf, double cllr,
        String calibration, List<ScoredTrial> scores) {

    public record ScoredTrial(Trial trial, double score) {
    }
}
