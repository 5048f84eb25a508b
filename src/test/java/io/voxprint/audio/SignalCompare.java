package io.voxprint.audio;

/** Alignment and error figures for comparing two decodings of one lossy file. */
final class SignalCompare {
    private SignalCompare() {
    }

    /** The shift d (actual[i + d] ~ expected[i]) within +-maxLag that maximises the cross-correlation. */
    static int bestLag(float[] actual, float[] expected, int maxLag) {
        int best = 0;
        double bestCorr = Double.NEGATIVE_INFINITY;
        for (int d = -maxLag; d <= maxLag; d++) {
            double corr = 0;
            for (int i = Math.max(0, -d); i < expected.length && i + d < actual.length; i++) {
                corr += (double) actual[i + d] * expected[i];
            }
            if (corr > bestCorr) {
                bestCorr = corr;
                best = d;
            }
        }
        return best;
    }

    /** 10 log10(reference energy / difference energy) over the overlap at shift {@code lag}. */
    static double snrDb(float[] actual, float[] expected, int lag) {
        double signal = 0;
        double noise = 0;
        for (int i = Math.max(0, -lag); i < expected.length && i + lag < actual.length; i++) {
            double e = expected[i];
            double diff = actual[i + lag] - e;
            signal += e * e;
            noise += diff * diff;
        }
        return 10 * Math.log10(signal / Math.max(noise, 1e-30));
    }

    static double maxAbsDiff(float[] actual, float[] expected, int lag) {
        double max = 0;
        for (int i = Math.max(0, -lag); i < expected.length && i + lag < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i + lag] - expected[i]));
        }
        return max;
    }

    /** Root mean square of the difference over the first {@code n} samples. */
    static double rmsDiff(float[] actual, float[] expected, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = actual[i] - expected[i];
            sum += d * d;
        }
        return Math.sqrt(sum / Math.max(1, n));
    }
}
