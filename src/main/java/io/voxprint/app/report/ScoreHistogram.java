package io.voxprint.app.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Overlaid histograms of target and non-target scores, each scaled to the fraction of its own
 * trials (so a few hundred targets stay visible next to many thousand non-targets), with the
 * decision threshold drawn across.
 */
public final class ScoreHistogram {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    public static final int LEFT = 80;
    public static final int TOP = 60;
    public static final int PLOT_WIDTH = 780;
    public static final int PLOT_HEIGHT = 420;
    public static final int BINS = 60;
    static final Color TARGET = new Color(44, 160, 44, 150);
    static final Color NON_TARGET = new Color(214, 39, 40, 150);
    static final Color THRESHOLD = new Color(20, 20, 120);

    private ScoreHistogram() {
    }

    /**
     * The x range is [lo, hi]: the smallest and largest of all scores and the threshold, widened by
     * 5 % of their span on each side.
     */
    public static void write(double[] targetScores, double[] nonTargetScores, double threshold, Path png) {
        if (targetScores.length == 0 || nonTargetScores.length == 0) {
            throw new ReportException("A score histogram needs at least one target and one non-target score.");
        }
        double min = threshold;
        double max = threshold;
        for (double[] set : new double[][] {targetScores, nonTargetScores}) {
            for (double s : set) {
                if (!Double.isFinite(s)) {
                    throw new ReportException("A score to plot is not a finite number.");
                }
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }
        double span = Math.max(max - min, 1e-6);
        double lo = min - 0.05 * span;
        double hi = max + 0.05 * span;
        double[] tar = fractions(targetScores, lo, hi);
        double[] non = fractions(nonTargetScores, lo, hi);
        double top = 0;
        for (int i = 0; i < BINS; i++) {
            top = Math.max(top, Math.max(tar[i], non[i]));
        }
        double yStep = Canvas.niceStep(top, 5);
        double yMax = Math.ceil(top / yStep) * yStep;

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(image);
        try {
            drawGrid(g, lo, hi, yMax, yStep);
            drawBars(g, non, NON_TARGET, yMax);
            drawBars(g, tar, TARGET, yMax);
            double tx = LEFT + PLOT_WIDTH * (threshold - lo) / (hi - lo);
            g.setColor(THRESHOLD);
            g.setStroke(new java.awt.BasicStroke(2f));
            g.draw(new Line2D.Double(tx, TOP, tx, TOP + PLOT_HEIGHT));
            g.setFont(Canvas.LABEL);
            g.drawString(String.format(Locale.ROOT, "threshold %.3f", threshold), (float) tx + 6, TOP + 18);
            drawLegend(g, targetScores.length, nonTargetScores.length);
            g.setColor(Canvas.AXIS);
            g.setFont(Canvas.TITLE);
            Canvas.centred(g, "Score distributions", LEFT + PLOT_WIDTH / 2.0, 34);
        } finally {
            g.dispose();
        }
        Canvas.writePng(image, png);
    }

    private static double[] fractions(double[] scores, double lo, double hi) {
        double[] f = new double[BINS];
        for (double s : scores) {
            int b = (int) Math.min(BINS - 1, Math.max(0, Math.floor((s - lo) / (hi - lo) * BINS)));
            f[b] += 1.0 / scores.length;
        }
        return f;
    }

    private static void drawGrid(Graphics2D g, double lo, double hi, double yMax, double yStep) {
        g.setStroke(Canvas.THIN);
        g.setFont(Canvas.TICK);
        double xStep = Canvas.niceStep(hi - lo, 8);
        for (double v = Math.ceil(lo / xStep) * xStep; v <= hi + 1e-12; v += xStep) {
            double x = LEFT + PLOT_WIDTH * (v - lo) / (hi - lo);
            g.setColor(Canvas.GRID);
            g.draw(new Line2D.Double(x, TOP, x, TOP + PLOT_HEIGHT));
            g.setColor(Canvas.AXIS);
            Canvas.centred(g, format(v, xStep), x, TOP + PLOT_HEIGHT + 20);
        }
        for (double v = 0; v <= yMax + 1e-12; v += yStep) {
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * v / yMax;
            g.setColor(Canvas.GRID);
            g.draw(new Line2D.Double(LEFT, y, LEFT + PLOT_WIDTH, y));
            g.setColor(Canvas.AXIS);
            Canvas.rightAligned(g, format(100 * v, 100 * yStep), LEFT - 8, y + 5);
        }
        g.setColor(Canvas.AXIS);
        g.drawRect(LEFT, TOP, PLOT_WIDTH, PLOT_HEIGHT);
        g.setFont(Canvas.LABEL);
        Canvas.centred(g, "Score (cosine)", LEFT + PLOT_WIDTH / 2.0, TOP + PLOT_HEIGHT + 46);
        Canvas.vertical(g, "Trials in bin (%)", 24, TOP + PLOT_HEIGHT / 2.0);
    }

    private static void drawBars(Graphics2D g, double[] fractions, Color color, double yMax) {
        g.setColor(color);
        double w = (double) PLOT_WIDTH / BINS;
        for (int i = 0; i < BINS; i++) {
            double h = PLOT_HEIGHT * fractions[i] / yMax;
            if (h > 0) {
                g.fill(new Rectangle2D.Double(LEFT + i * w, TOP + PLOT_HEIGHT - h, w, h));
            }
        }
    }

    private static void drawLegend(Graphics2D g, int nTar, int nNon) {
        int x = LEFT + PLOT_WIDTH - 250;
        int y = TOP + 40;
        g.setFont(Canvas.LABEL);
        g.setColor(TARGET);
        g.fillRect(x, y - 12, 18, 14);
        g.setColor(Canvas.AXIS);
        g.drawString("same speaker (" + nTar + " trials)", x + 26, y);
        g.setColor(NON_TARGET);
        g.fillRect(x, y + 12, 18, 14);
        g.setColor(Canvas.AXIS);
        g.drawString("different speakers (" + nNon + " trials)", x + 26, y + 24);
    }

    private static String format(double v, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
