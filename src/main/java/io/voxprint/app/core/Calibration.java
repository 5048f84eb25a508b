package io.voxprint.app.core;


/**
 * A model's calibration: llr = a * score + b (natural log), fitted on labelled trials, with the
 * equal-error-rate threshold of those trials.
 */
public record Calibration(String modelSha256, double a, double b, double eer, double eerThreshold,
        int targetTrials, int nonTargetTrials, String source, String created /* ISO-8601 */) {

    public double llr(double score) {
        return a * score + b;
    }
}
