package io.voxprint.ui.values;

/**
 * Result of one verification.
 *
 * @param score     the (possibly normalised) score compared with the threshold
 * @param threshold the threshold in force
 * @param accepted  the decision
 * @param llr       log-likelihood ratio from the calibration, or NaN when not calibrated
 */
public record VerificationOutcome(String speakerName, double score, double threshold, boolean accepted, double llr) {
}
