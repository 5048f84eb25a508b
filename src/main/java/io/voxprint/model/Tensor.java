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

    /** True when the shape's element count is the number of values. */
    boolean shapeDescribesValues() {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                return false;
            }
            count *= d;
        }
        return count == values.length;
    }

    String shapeText() {
        return Arrays.toString(shape);
    }
}
