package io.voxprint.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluation measures of a verification system from its target trials (same speaker) and
 * non-target trials (different speakers). Decision rule everywhere: accept when score >= threshold.
 */
public final class Metrics {

    /** The VoxCeleb / NIST SRE operating point used for minDCF. */
    public static final double DEFAULT_P_TARGET = 0.01;

    private Metrics() {
    }

    /**
     * Every distinct operating point, from threshold +infinity (accept nothing: pMiss 1, pFa 0)
     * down through each distinct score of either set in decreasing order; the last point accepts
     * everything (pMiss 0, pFa 1). pMiss = #{target < t} / #targets, pFa = #{non-target >= t} /
     * #non-targets, each one exact division of two counts.
     */
    public static List<DetPoint> det(double[] tar, double[] non) {
        double[] t = sortedCopy(tar, "target");
        double[] n = sortedCopy(non, "non-target");
        int i = t.length;
        int j = n.length;
        double nt = t.length;
        double nn = n.length;
        List<DetPoint> points = new ArrayList<>();
        points.add(new DetPoint(Double.POSITIVE_INFINITY, 1.0, 0.0));
        while (i > 0 || j > 0) {
            double v = Math.max(i > 0 ? t[i - 1] : Double.NEGATIVE_INFINITY, j > 0 ? n[j - 1] : Double.NEGATIVE_INFINITY);
            while (i > 0 && t[i - 1] == v) {
                i--;
            }
            while (j > 0 && n[j - 1] == v) {
                j--;
            }
            points.add(new DetPoint(v, i / nt, (n.length - j) / nn));
        }
        return points;
    }

    /**
     * Equal error rate. On the curve of {@link #det} points, take the first point k where
     * pMiss <= pFa; the previous point has pMiss > pFa. Between the two, pMiss and pFa are
     * interpolated linearly with the same fraction alpha = d(k-1) / (d(k-1) - d(k)), d = pMiss - pFa,
     * which is where the straight segment crosses pMiss = pFa: EER = pFa(k-1) + alpha (pFa(k) -
     * pFa(k-1)). The threshold is interpolated with the same alpha between the two points' thresholds,
     * except when the previous point is the +infinity one, where it is threshold(k). alpha = 1 (an
     * exact crossing at a point) gives that point's threshold.
     */
    public static EerResult eer(double[] targetScores, double[] nonTargetScores) {
        return eer(det(targetScores, nonTargetScores));
    }

    /** EER of a curve made by {@link #det}. */
    public static EerResult eer(List<DetPoint> curve) {
        for (int k = 1; k < curve.size(); k++) {
            DetPoint p = curve.get(k);
            if (p.pMiss() <= p.pFa()) {
                DetPoint prev = curve.get(k - 1);
                double dPrev = prev.pMiss() - prev.pFa();
                double d = p.pMiss() - p.pFa();
                double alpha = dPrev / (dPrev - d);
                double eer = prev.pFa() + alpha * (p.pFa() - prev.pFa());
                double threshold = Double.isInfinite(prev.threshold())
                        ? p.threshold()
                        : prev.threshold() + alpha * (p.threshold() - prev.threshold());
                return new EerResult(eer, threshold);
            }
        }
        throw new IllegalStateException("A DET curve always ends at pMiss 0, pFa 1");
    }

    /**
     * Normalised minimum detection cost: the smallest, over every threshold of {@link #det}
     * (accept-nothing and accept-all included), of cMiss pTarget pMiss + cFa (1 - pTarget) pFa,
     * divided by min(cMiss pTarget, cFa (1 - pTarget)), the cost of the best fixed decision.
     */
    public static double minDcf(double[] tar, double[] non, double pTarget, double cMiss, double cFa) {
        if (!(pTarget > 0 && pTarget < 1) || !(cMiss > 0) || !(cFa > 0)) {
            throw new ScoringException("The target prior must lie strictly between 0 and 1 and both costs must be positive.");
        }
        double wMiss = cMiss * pTarget;
        double wFa = cFa * (1 - pTarget);
        double best = Double.POSITIVE_INFINITY;
        for (DetPoint p : det(tar, non)) {
            best = Math.min(best, wMiss * p.pMiss() + wFa * p.pFa());
        }
        return best / Math.min(wMiss, wFa);
    }

    /** minDCF at pTarget 0.01, cMiss = cFa = 1. */
    public static double minDcf(double[] tar, double[] non) {
        return minDcf(tar, non, DEFAULT_P_TARGET, 1, 1);
    }

    /**
     * Log-likelihood-ratio cost in bits: 0.5 (mean over targets of log2(1 + e^-llr) + mean over
     * non-targets of log2(1 + e^llr)). 0 is perfect, 1 is what "always say llr = 0" costs; above 1
     * the llrs mislead.
     */
    public static double cllr(double[] tarLlr, double[] nonLlr) {
        requireTrials(tarLlr, "target");
        requireTrials(nonLlr, "non-target");
        double t = 0;
        for (double x : tarLlr) {
            t += softplus(-x);
        }
        double n = 0;
        for (double x : nonLlr) {
            n += softplus(x);
        }
        return 0.5 * (t / tarLlr.length + n / nonLlr.length) / Math.log(2);
    }

    /**
     * The lowest threshold whose false accept rate on these non-target scores is at most far.
     * With m = floor(far * N) false accepts allowed (N non-targets, sorted descending v1 >= v2 ...),
     * that is the next double above v(m+1), so v(m+1) and everything below it is rejected; if
     * m >= N every trial may be accepted and the result is the lowest score.
     */
    public static double thresholdForFalseAcceptRate(double[] non, double far) {
        if (!(far >= 0 && far <= 1)) {
            throw new ScoringException("A false accept rate must lie between 0 and 1, not " + far + ".");
        }
        double[] n = sortedCopy(non, "non-target");
        // the small slack keeps far * N from losing an allowed trial to rounding (0.29 * 100 = 28.999...)
        long allowed = (long) Math.floor(far * n.length + 1e-9);
        if (allowed >= n.length) {
            return n[0];
        }
        return Math.nextUp(n[n.length - 1 - (int) allowed]);
    }

    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    private static double[] sortedCopy(double[] scores, String what) {
        requireTrials(scores, what);
        double[] c = scores.clone();
        for (double v : c) {
            if (!Double.isFinite(v)) {
                throw new ScoringException("A " + what + " score is not a finite number.");
            }
        }
        Arrays.sort(c);
        return c;
    }

    private static void requireTrials(double[] scores, String what) {
        if (scores == null || scores.length == 0) {
            throw new ScoringException("At least one " + what + " trial is needed to measure errors.");
        }
    }
}
