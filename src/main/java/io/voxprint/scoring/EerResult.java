package io.voxprint.scoring;

/**
 * The equal error rate (a fraction, 0.05 = 5 %) and the score threshold at which it is reached
 * (accept when score >= threshold). See {@link Metrics#eer} for the exact definition.
 */
public record EerResult(double eer, double threshold) {
}
