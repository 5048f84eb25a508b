package io.voxprint.scoring;

import java.util.Arrays;

/**
 * The one-to-one assignment of rows to columns with the largest total weight (Kuhn-Munkres with
 * potentials, O(n^3)); rectangular matrices are padded with zeros, so surplus rows or columns stay
 * unassigned.
 */
final class Hungarian {

    private Hungarian() {
    }

    /** For each row, its column, or -1 when the row is left unassigned (or only paired with a padding column). */
    static int[] maximize(double[][] weight, int columns) {
        int rows = weight.length;
        int n = Math.max(rows, columns);
        if (n == 0) {
            return new int[0];
        }
        double max = 0;
        for (double[] row : weight) {
            for (double w : row) {
                max = Math.max(max, w);
            }
        }
        // minimise cost = max - weight on a square matrix (1-based potentials, classic formulation)
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = cost(weight, max, i0 - 1, j - 1, rows, columns) - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] assignment = new int[rows];
        Arrays.fill(assignment, -1);
        for (int j = 1; j <= n; j++) {
            if (p[j] != 0 && p[j] - 1 < rows && j - 1 < columns) {
                assignment[p[j] - 1] = j - 1;
            }
        }
        return assignment;
    }

    private static double cost(double[][] weight, double max, int row, int column, int rows, int columns) {
        return row < rows && column < columns ? max - weight[row][column] : max;
    }
}
