package io.voxprint.app.report;

import io.voxprint.scoring.DetPoint;
import io.voxprint.scoring.EerResult;
import io.voxprint.scoring.Metrics;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A detection error trade-off plot: false reject rate against false accept rate, both on probit
 * (normal deviate) axes from 0.05 % to 60 %, ticks labelled 0.1 % to 50 %, with the equal error
 * rate marked where the curve meets the diagonal.
 */
public final class DetPlot {

    public static final int SIZE = 720;
    public static final int LEFT = 90;
    public static final int TOP = 60;
    public static final int PLOT = 600;
    public static final double LOW = 0.0005;
    public static final double HIGH = 0.6;
    static final Color CURVE = new Color(31, 90, 180);
    static final Color EER_MARK = new Color(214, 39, 40);
    private static final double[] TICKS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5};

    private DetPlot() {
    }

    /** points: a curve from {@link Metrics#det}; the EER is computed from it. */
    public static void write(List<DetPoint> points, Path png) {
        write(points, "DET curve", png);
    }

    public static void write(List<DetPoint> points, String title, Path png) {
        if (points.size() < 2) {
            throw new ReportException("A DET plot needs a curve of at least two points.");
        }
        EerResult eer = Metrics.eer(points);
        BufferedImage image = new BufferedImage(SIZE, SIZE + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(image);
        try {
            drawAxes(g);
            drawCurve(g, points);
            drawEer(g, eer);
            g.setColor(Canvas.AXIS);
            g.setFont(Canvas.TITLE);
            Canvas.centred(g, title + String.format(Locale.ROOT, "  (EER %.2f %%)", 100 * eer.eer()), LEFT + PLOT / 2.0, 34);
        } finally {
            g.dispose();
        }
        Canvas.writePng(image, png);
    }

    /** Pixel column of a false accept rate. */
    public static double x(double pFa) {
        return LEFT + PLOT * (Probit.of(clamp(pFa)) - Probit.of(LOW)) / (Probit.of(HIGH) - Probit.of(LOW));
    }

    /** Pixel row of a false reject rate. */
    public static double y(double pMiss) {
        return TOP + PLOT - PLOT * (Probit.of(clamp(pMiss)) - Probit.of(LOW)) / (Probit.of(HIGH) - Probit.of(LOW));
    }

    private static double clamp(double p) {
        // beyond the axes; the clip keeps it out of sight but the line keeps its direction
        return Math.min(1 - 1e-9, Math.max(1e-9, p));
    }

    private static void drawAxes(Graphics2D g) {
        g.setStroke(Canvas.THIN);
        g.setFont(Canvas.TICK);
        for (double t : TICKS) {
            g.setColor(Canvas.GRID);
            g.draw(new Line2D.Double(x(t), TOP, x(t), TOP + PLOT));
            g.draw(new Line2D.Double(LEFT, y(t), LEFT + PLOT, y(t)));
            g.setColor(Canvas.AXIS);
            String label = percent(t);
            Canvas.centred(g, label, x(t), TOP + PLOT + 20);
            Canvas.rightAligned(g, label, LEFT - 8, y(t) + 5);
        }
        g.setColor(new Color(170, 170, 170));
        g.setStroke(Canvas.DASHED);
        g.draw(new Line2D.Double(x(LOW), y(LOW), x(HIGH), y(HIGH)));
        g.setStroke(Canvas.THIN);
        g.setColor(Canvas.AXIS);
        g.drawRect(LEFT, TOP, PLOT, PLOT);
        g.setFont(Canvas.LABEL);
        Canvas.centred(g, "False accept rate (%)", LEFT + PLOT / 2.0, TOP + PLOT + 48);
        Canvas.vertical(g, "False reject rate (%)", 28, TOP + PLOT / 2.0);
    }

    private static void drawCurve(Graphics2D g, List<DetPoint> points) {
        Path2D.Double path = new Path2D.Double();
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        for (int i = 0; i < points.size(); i++) {
            DetPoint p = points.get(i);
            double px = x(p.pFa());
            double py = y(p.pMiss());
            if (i == 0) {
                path.moveTo(px, py);
            } else if (i == points.size() - 1 || Math.abs(px - lastX) + Math.abs(py - lastY) >= 0.5) {
                // a million trials make a million points; sub-pixel steps add nothing visible
                path.lineTo(px, py);
            } else {
                continue;
            }
            lastX = px;
            lastY = py;
        }
        var clip = g.getClip();
        g.clipRect(LEFT, TOP, PLOT + 1, PLOT + 1);
        g.setColor(CURVE);
        g.setStroke(new java.awt.BasicStroke(2.5f));
        g.draw(path);
        g.setClip(clip);
    }

    private static void drawEer(Graphics2D g, EerResult eer) {
        if (eer.eer() < LOW || eer.eer() > HIGH) {
            return;
        }
        double cx = x(eer.eer());
        double cy = y(eer.eer());
        g.setColor(EER_MARK);
        g.fill(new Ellipse2D.Double(cx - 6, cy - 6, 12, 12));
        g.setFont(Canvas.LABEL);
        g.drawString(String.format(Locale.ROOT, "EER %.2f %%", 100 * eer.eer()), (float) cx + 12, (float) cy - 10);
    }

    private static String percent(double p) {
        double v = 100 * p;
        return v < 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }
}
