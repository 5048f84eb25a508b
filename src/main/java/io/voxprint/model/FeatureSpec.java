package io.voxprint.model;

/**
 * A feature the loaded model offers.
 *
 * @param label the name to pass to {@link Ecapa2Model#feature(float[], String)}
 * @param shape the output shape observed on the probe input at load time, e.g. {@code [1, 64]}
 */
public record FeatureSpec(String label, long[] shape) {
}
