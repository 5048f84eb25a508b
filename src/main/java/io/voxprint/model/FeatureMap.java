package io.voxprint.model;

/**
 * One feature of one utterance.
 *
 * @param label  the feature's label, as in {@link ModelInfo#features()}
 * @param shape  the shape the model returned, e.g. {@code [1, 64]}
 * @param values the values in row-major order; for statistics labels the per-channel means come
 *               first, then the per-channel variances
 */
public record FeatureMap(String label, long[] shape, float[] values) {
}
