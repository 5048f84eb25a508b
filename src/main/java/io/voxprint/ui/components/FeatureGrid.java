package io.voxprint.ui.components;

import java.util.ArrayList;
import java.util.List;

/**
 * A feature vector laid out as a 2-D grid for a heatmap, remembering which vector element each
 * cell shows.
 *
 * <p>Layouts: {@link #reshape} fills rows left to right ({@code element = row * columns + col});
 * {@link #meanAndVariance} is for pooled statistics vectors (ECAPA2 "pool" and "attention": the
 * first half is the per-channel mean, the second the per-channel standard deviation/variance), each
 * half reshaped on its own, mean rows on top, one empty row between, variance rows below, so that
 * channel {@code c}'s mean and variance sit in the same column. Unused cells are NaN (drawn grey).
 * {@link #columnsFor} picks a power of two near a 2:1 landscape grid.
 */
public record FeatureGrid(double[][] values, int[][] elementIndex, List<String> rowLabels) {

    public int rows() {
        return values.length;
    }

    public int columns() {
        return values.length == 0 ? 0 : values[0].length;
    }

    public static int columnsFor(int length) {
        int columns = 1;
        while ((double) columns * columns < 2.0 * length) {
            columns *= 2;
        }
        return columns;
    }

    public static FeatureGrid reshape(float[] vector, int columns) {
        List<String> labels = new ArrayList<>();
        int rows = (vector.length + columns - 1) / columns;
        double[][] v = new double[rows][columns];
        int[][] idx = new int[rows][columns];
        fill(vector, 0, vector.length, columns, v, idx, 0);
        for (int r = 0; r < rows; r++) {
            labels.add("row " + r);
        }
        return new FeatureGrid(v, idx, labels);
    }

    public static FeatureGrid meanAndVariance(float[] vector, int columns) {
        if (vector.length % 2 != 0) {
            throw new IllegalArgumentException("A mean-and-variance vector has an even length, not " + vector.length);
        }
        int half = vector.length / 2;
        int halfRows = (half + columns - 1) / columns;
        int rows = 2 * halfRows + 1;
        double[][] v = new double[rows][columns];
        int[][] idx = new int[rows][columns];
        fill(vector, 0, half, columns, v, idx, 0);
        java.util.Arrays.fill(v[halfRows], Double.NaN);
        java.util.Arrays.fill(idx[halfRows], -1);
        fill(vector, half, vector.length, columns, v, idx, halfRows + 1);
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            labels.add(r < halfRows ? "mean, row " + r : r == halfRows ? "" : "variance, row " + (r - halfRows - 1));
        }
        return new FeatureGrid(v, idx, labels);
    }

    private static void fill(float[] src, int from, int to, int columns, double[][] v, int[][] idx, int firstRow) {
        int n = to - from;
        int rows = (n + columns - 1) / columns;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int k = r * columns + c;
                boolean present = k < n;
                v[firstRow + r][c] = present ? src[from + k] : Double.NaN;
                idx[firstRow + r][c] = present ? from + k : -1;
            }
        }
    }

    /** Element-wise a - b on grids of the same layout. */
    public static FeatureGrid difference(FeatureGrid a, FeatureGrid b) {
        if (a.rows() != b.rows() || a.columns() != b.columns()) {
            throw new IllegalArgumentException("Only grids of the same shape can be compared.");
        }
        double[][] d = new double[a.rows()][a.columns()];
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.columns(); c++) {
                d[r][c] = a.values[r][c] - b.values[r][c];
            }
        }
        return new FeatureGrid(d, a.elementIndex, a.rowLabels);
    }
}
