package io.voxprint.scoring;

/** A 2-D float32 matrix read from a .npy file, kept row-major in one array. */
public record NpyMatrix(int rows, int cols, float[] data) {

    public float[][] toRows() {
        float[][] out = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, out[i], 0, cols);
        }
        return out;
    }
}
