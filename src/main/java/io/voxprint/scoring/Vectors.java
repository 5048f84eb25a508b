package io.voxprint.scoring;

import java.util.List;

/** Small vector kernels on float embeddings (the 1:N scan has its own layout in {@link SpeakerIndex}). */
public final class Vectors {

    private Vectors() {
    }

    public static float dot(float[] a, float[] b) {
        requireSameLength(a, b);
        return dot(a, 0, b, 0, a.length);
    }

    /**
     * Dot product of a[aOff..aOff+len) and b[bOff..bOff+len). Eight independent partial sums break
     * the add-latency chain so the out-of-order core keeps several multiply-adds in flight: this JIT
     * does not vectorise a float reduction.
     */
    static float dot(float[] a, int aOff, float[] b, int bOff, int len) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int j = 0;
        for (; j + 8 <= len; j += 8) {
            int x = aOff + j;
            int y = bOff + j;
            s0 += a[x] * b[y];
            s1 += a[x + 1] * b[y + 1];
            s2 += a[x + 2] * b[y + 2];
            s3 += a[x + 3] * b[y + 3];
            s4 += a[x + 4] * b[y + 4];
            s5 += a[x + 5] * b[y + 5];
            s6 += a[x + 6] * b[y + 6];
            s7 += a[x + 7] * b[y + 7];
        }
        for (; j < len; j++) {
            s0 += a[aOff + j] * b[bOff + j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Euclidean length, accumulated in double so that normalising is exact to float precision. */
    public static double norm(float[] v) {
        return norm(v, 0, v.length);
    }

    static double norm(float[] v, int off, int len) {
        // four running sums: one sum waits for each addition before the next (a few cycles each), four
        // overlap; every voiceprint loaded or stored goes through here two or three times
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int end = off + len;
        int j = off;
        for (; j + 3 < end; j += 4) {
            s0 += (double) v[j] * v[j];
            s1 += (double) v[j + 1] * v[j + 1];
            s2 += (double) v[j + 2] * v[j + 2];
            s3 += (double) v[j + 3] * v[j + 3];
        }
        for (; j < end; j++) {
            s0 += (double) v[j] * v[j];
        }
        return Math.sqrt((s0 + s1) + (s2 + s3));
    }

    /** A new vector of length one pointing the same way as v. */
    public static float[] normalize(float[] v) {
        float[] copy = v.clone();
        normalizeInPlace(copy, 0, copy.length);
        return copy;
    }

    static void normalizeInPlace(float[] v, int off, int len) {
        // times the reciprocal: a division per value was most of a million-speaker load's arithmetic,
        // and the float results agree with dividing but for a double rounding once in hundreds of millions
        double inverse = 1 / scoringNorm(v, off, len);
        for (int j = off; j < off + len; j++) {
            v[j] = (float) (v[j] * inverse);
        }
    }

    /** The length of v[off..off+len), refused when it gives the vector no direction. */
    private static double scoringNorm(float[] v, int off, int len) {
        double n = norm(v, off, len);
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new ScoringException(n == 0
                    ? "An embedding of only zeros has no direction and cannot be scored."
                    : "An embedding contains values that are not finite numbers and cannot be scored.");
        }
        return n;
    }

    /** Cosine of the angle between a and b: 1 same direction, 0 unrelated, -1 opposite. */
    public static float cosine(float[] a, float[] b) {
        requireSameLength(a, b);
        double d = 0;
        for (int j = 0; j < a.length; j++) {
            d += (double) a[j] * b[j];
        }
        double na = norm(a);
        double nb = norm(b);
        if (!(na > 0 && nb > 0) || Double.isInfinite(na * nb)) {
            throw new ScoringException("An embedding of only zeros or of non-finite values cannot be scored.");
        }
        return (float) (d / (na * nb));
    }

    /** Element-wise mean, accumulated in double. */
    public static float[] mean(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            throw new ScoringException("At least one embedding is needed to build a voiceprint.");
        }
        int dim = vectors.get(0).length;
        double[] acc = new double[dim];
        for (float[] v : vectors) {
            if (v.length != dim) {
                throw new ScoringException("The enrollment embeddings have different sizes ("
                        + dim + " and " + v.length + " values).");
            }
            for (int j = 0; j < dim; j++) {
                acc[j] += v[j];
            }
        }
        float[] m = new float[dim];
        for (int j = 0; j < dim; j++) {
            m[j] = (float) (acc[j] / vectors.size());
        }
        return m;
    }

    /**
     * The normalised mean of the normalised embeddings, so that every recording counts equally
     * whatever its loudness-dependent embedding length: a speaker's voiceprint (of their enrollment
     * embeddings), and a long recording's embedding (of its windows).
     */
    public static float[] normalizedMean(List<float[]> embeddings) {
        if (embeddings.isEmpty()) {
            throw new ScoringException("At least one embedding is needed to build a voiceprint.");
        }
        int dim = embeddings.get(0).length;
        float[] packed = new float[embeddings.size() * dim];
        for (int i = 0; i < embeddings.size(); i++) {
            float[] v = embeddings.get(i);
            if (v.length != dim) {
                throw new ScoringException("The enrollment embeddings have different sizes ("
                        + dim + " and " + v.length + " values).");
            }
            System.arraycopy(v, 0, packed, i * dim, dim);
        }
        float[] out = new float[dim];
        normalizedMeanInto(packed, embeddings.size(), dim, new double[dim], out);
        return out;
    }

    /**
     * {@link #normalizedMean} of the {@code count} embeddings packed one after another in
     * {@code values} ({@code dim} values each), into {@code out}, with {@code acc} ({@code dim} long)
     * as scratch: for loading many speakers without an array per embedding. Each embedding is
     * normalised to float and then summed in double, as normalising it first and averaging would.
     */
    static void normalizedMeanInto(float[] values, int count, int dim, double[] acc, float[] out) {
        if (count <= 0) {
            throw new ScoringException("At least one embedding is needed to build a voiceprint.");
        }
        java.util.Arrays.fill(acc, 0, dim, 0.0);
        for (int i = 0; i < count; i++) {
            int off = i * dim;
            double inverse = 1 / scoringNorm(values, off, dim);
            for (int j = 0; j < dim; j++) {
                acc[j] += (float) (values[off + j] * inverse);
            }
        }
        for (int j = 0; j < dim; j++) {
            // of one embedding the sum is a float already: dividing it by one is exact, and slow
            out[j] = count == 1 ? (float) acc[j] : (float) (acc[j] / count);
        }
        normalizeInPlace(out, 0, dim);
    }

    static void requireSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new ScoringException("Two embeddings of different sizes (" + a.length + " and " + b.length
                    + " values) cannot be compared; they come from different models.");
        }
    }
}
