package io.voxprint.scoring;

/**
 * Maps a raw score to a natural-log likelihood ratio, llr = a * score + b, fitted on labelled trials
 * by minimising the prior-weighted logistic loss (the objective behind Cllr):
 * <pre>
 *   C(a, b) = P / Nt * sum_tar log(1 + exp(-(a s + b + logit P)))
 *           + (1 - P) / Nn * sum_non log(1 + exp(a s + b + logit P))
 * </pre>
 * with P the target prior of the fit (0.5 weighs both trial sets equally whatever their counts).
 * Newton's method with step halving; the loss is convex, so it converges to the unique minimum
 * whenever target and non-target scores overlap.
 */
public final class LogisticCalibration {

    private static final int MAX_ITERATIONS = 100;

    private final double a;
    private final double b;
    private final double eerThreshold;

    private LogisticCalibration(double a, double b, double eerThreshold) {
        this.a = a;
        this.b = b;
        this.eerThreshold = eerThreshold;
    }

    /** A calibration with known parameters (for one read back from settings). */
    public static LogisticCalibration of(double a, double b, double eerThreshold) {
        if (!(a > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new ScoringException("A calibration needs a positive finite slope and a finite offset.");
        }
        return new LogisticCalibration(a, b, eerThreshold);
    }

    public static LogisticCalibration fit(double[] targetScores, double[] nonTargetScores) {
        return fit(targetScores, nonTargetScores, 0.5);
    }

    public static LogisticCalibration fit(double[] targetScores, double[] nonTargetScores, double targetPrior) {
        if (!(targetPrior > 0 && targetPrior < 1)) {
            throw new ScoringException("The calibration prior must lie strictly between 0 and 1, not " + targetPrior + ".");
        }
        EerResult eer = Metrics.eer(targetScores, nonTargetScores); // also validates both sets
        double minTar = Double.POSITIVE_INFINITY;
        double maxTar = Double.NEGATIVE_INFINITY;
        for (double s : targetScores) {
            minTar = Math.min(minTar, s);
            maxTar = Math.max(maxTar, s);
        }
        double minNon = Double.POSITIVE_INFINITY;
        double maxNon = Double.NEGATIVE_INFINITY;
        for (double s : nonTargetScores) {
            minNon = Math.min(minNon, s);
            maxNon = Math.max(maxNon, s);
        }
        if (minTar >= maxNon || maxTar <= minNon) {
            throw new ScoringException("Every target trial scores on one side of every non-target trial, so no finite "
                    + "likelihood ratio fits; add trials that are harder to tell apart.");
        }
        Objective f = new Objective(targetScores, nonTargetScores, targetPrior);
        double[] w = {0, 0};
        double loss = f.value(w[0], w[1]);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] gh = f.gradientAndHessian(w[0], w[1]);
            double ga = gh[0];
            double gb = gh[1];
            double haa = gh[2];
            double hab = gh[3];
            double hbb = gh[4];
            double det = haa * hbb - hab * hab;
            if (!(det > 0)) {
                break;
            }
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(haa * gb - hab * ga) / det;
            double step = 1;
            double next = f.value(w[0] + da, w[1] + db);
            while (next > loss && step > 1e-10) {
                step /= 2;
                next = f.value(w[0] + step * da, w[1] + step * db);
            }
            w[0] += step * da;
            w[1] += step * db;
            boolean done = Math.abs(step * da) <= 1e-12 * (1 + Math.abs(w[0]))
                    && Math.abs(step * db) <= 1e-12 * (1 + Math.abs(w[1]));
            loss = Math.min(loss, next);
            if (done) {
                break;
            }
        }
        // a slope of zero up to rounding means the scores carry no information about the speaker
        if (!(w[0] > 1e-9)) {
            throw new ScoringException("Target trials do not score higher than non-target trials, so these scores "
                    + "cannot be calibrated.");
        }
        return new LogisticCalibration(w[0], w[1], eer.threshold());
    }

    /** Natural-log likelihood ratio of the score: > 0 favours "same speaker". */
    public double llr(double score) {
        return a * score + b;
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    /** The score at which the calibrated llr equals the given value. */
    public double thresholdForLlr(double llr) {
        return (llr - b) / a;
    }

    /**
     * The Bayes decision threshold for a prior probability that the claim is true (equal costs):
     * accept when llr >= -logit(pTarget).
     */
    public double thresholdForPrior(double pTarget) {
        if (!(pTarget > 0 && pTarget < 1)) {
            throw new ScoringException("A prior probability must lie strictly between 0 and 1, not " + pTarget + ".");
        }
        return thresholdForLlr(-Math.log(pTarget / (1 - pTarget)));
    }

    /** The equal-error-rate threshold of the trials this calibration was fitted on. */
    public double eerThreshold() {
        return eerThreshold;
    }

    /** See {@link Metrics#thresholdForFalseAcceptRate}. */
    public static double thresholdForFalseAcceptRate(double[] nonTargetScores, double far) {
        return Metrics.thresholdForFalseAcceptRate(nonTargetScores, far);
    }

    private static final class Objective {
        private final double[] tar;
        private final double[] non;
        private final double wt;
        private final double wn;
        private final double offset;

        Objective(double[] tar, double[] non, double prior) {
            this.tar = tar;
            this.non = non;
            this.wt = prior / tar.length;
            this.wn = (1 - prior) / non.length;
            this.offset = Math.log(prior / (1 - prior));
        }

        double value(double a, double b) {
            double t = 0;
            for (double s : tar) {
                t += Metrics.softplus(-(a * s + b + offset));
            }
            double n = 0;
            for (double s : non) {
                n += Metrics.softplus(a * s + b + offset);
            }
            return wt * t + wn * n;
        }

        /** {dC/da, dC/db, d2C/da2, d2C/dadb, d2C/db2}. */
        double[] gradientAndHessian(double a, double b) {
            double[] g = new double[5];
            accumulate(g, tar, wt, a, b, true);
            accumulate(g, non, wn, a, b, false);
            return g;
        }

        private void accumulate(double[] g, double[] scores, double weight, double a, double b, boolean target) {
            for (double s : scores) {
                double z = a * s + b + offset;
                double p = sigmoid(z);
                double r = weight * (target ? p - 1 : p);
                double h = weight * p * (1 - p);
                g[0] += r * s;
                g[1] += r;
                g[2] += h * s * s;
                g[3] += h * s;
                g[4] += h;
            }
        }

        private static double sigmoid(double z) {
            return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        }
    }
}
