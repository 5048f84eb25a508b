package io.voxprint.ui.values;

/**
 * A score computed while the take is still being recorded, on its last {@code seconds}; the exact
 * result on the whole take follows when the recording stops.
 */
public record ProvisionalScore(double score, double threshold, double seconds) {
}
