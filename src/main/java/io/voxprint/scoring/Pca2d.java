package io.voxprint.scoring;

import java.util.Arrays;

/**
 * Two-component principal component analysis for the speaker map, by power iteration on the sample
 * covariance with deflation (plain Java: the dimension is small, 192, and exact SVD is not needed).
 *
 * <p>Each component's sign is fixed so that its largest-magnitude entry is positive, which makes
 * the map stable from one run to the next. Variances are sample variances (divided by n - 1).
 */
public final class Pca2d {
    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-13;

    /** Result: points[i] = {x, y}; components[c] a unit vector; variances explained by each. */
    public record Projection(double[][] points, double[][] components, double[] variances, double[] mean) {
    }

    private Pca2d() {
    }

    public static Projection fit(double[][] data) {
        if (data.length < 2) {
            throw new IllegalArgumentException("A map needs at least two vectors, got " + data.length + ".");
        }
        int dim = data[0].length;
        double[] mean = new double[dim];
        for (double[] row : data) {
            if (row.length != dim) {
                throw new IllegalArgumentException("All vectors must have the same length.");
            }
            for (int j = 0; j < dim; j++) {
                mean[j] += row[j] / data.length;
            }
        }
        double[][] cov = new double[dim][dim];
        for (double[] row : data) {
            for (int a = 0; a < dim; a++) {
                double da = row[a] - mean[a];
                for (int b = a; b < dim; b++) {
                    cov[a][b] += da * (row[b] - mean[b]);
                }
            }
        }
        for (int a = 0; a < dim; a++) {
            for (int b = a; b < dim; b++) {
                cov[a][b] /= data.length - 1;
                cov[b][a] = cov[a][b];
            }
        }
        int count = Math.min(2, dim);
        double[][] components = new double[2][dim];
        double[] variances = new double[2];
        for (int c = 0; c < count; c++) {
            double[] v = powerIteration(cov, c);
            double lambda = dot(v, multiply(cov, v));
            components[c] = v;
            variances[c] = Math.max(0, lambda);
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    cov[a][b] -= lambda * v[a] * v[b];
                }
            }
        }
        double[][] points = new double[data.length][2];
        for (int i = 0; i < data.length; i++) {
            for (int c = 0; c < 2; c++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += (data[i][j] - mean[j]) * components[c][j];
                }
                points[i][c] = s;
            }
        }
        return new Projection(points, components, variances, mean);
    }

    private static double[] powerIteration(double[][] cov, int seed) {
        int dim = cov.length;
        double[] v = new double[dim];
        // A deterministic start that is unlikely to be orthogonal to the leading eigenvector.
        for (int j = 0; j < dim; j++) {
            v[j] = 1.0 + 0.1 * ((j * 7 + seed * 13) % 11);
        }
        normalise(v);
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double[] next = multiply(cov, v);
            if (norm(next) == 0) {
                return fixSign(v);
            }
            normalise(next);
            double change = 0;
            for (int j = 0; j < dim; j++) {
                change = Math.max(change, Math.abs(Math.abs(next[j]) - Math.abs(v[j])));
            }
            v = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return fixSign(v);
    }

    private static double[] fixSign(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int a = 0; a < m.length; a++) {
            out[a] = dot(m[a], v);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }

    private static void normalise(double[] v) {
        double n = norm(v);
        for (int i = 0; i < v.length; i++) {
            v[i] /= n;
        }
    }

}
