package io.voxprint.model;

import java.util.Arrays;

/** A model output copied out of native memory. */
record Tensor(long[] shape, float[] values) {

    boolean isFinite() {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** True for the {@code [1, D]} shape of an utterance-level vector. */
    boolean isRowVector() {
        return shape.length == 2 && shape[0] == 1 && shape[1] == values.length;
    }

    String shapeText() {
        return Arrays.toString(shape);
    }
}
