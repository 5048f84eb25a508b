import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the application icon (a voice print: concentric arcs over a level meter) so that the
 * committed PNG can be regenerated without any image editor:
 * {@code java installer/tools/DrawIcon.java resources/desktop/voxprint.png}.
 */
public final class DrawIcon {
    private static final int SIZE = 256;

    public static void main(String[] args) throws IOException {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        g.setPaint(new GradientPaint(0, 0, new Color(0x13, 0x4e, 0x6f), SIZE, SIZE, new Color(0x0b, 0x2a, 0x3c)));
        g.fill(new RoundRectangle2D.Double(8, 8, SIZE - 16, SIZE - 16, 56, 56));

        // Fingerprint-like ridges: open arcs around the mouth of a sound source.
        g.setColor(new Color(0xe8, 0xf4, 0xf8));
        double cx = SIZE / 2.0;
        double cy = 158;
        for (int i = 0; i < 5; i++) {
            double r = 22 + i * 19;
            g.setStroke(new BasicStroke(9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double start = 12 + i * 6;
            g.draw(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, start, 180 - 2 * start, Arc2D.OPEN));
        }

        // Level meter: the speech that the print is taken from.
        g.setColor(new Color(0xff, 0xb3, 0x47));
        int[] heights = {18, 34, 52, 30, 44, 24, 12};
        int barWidth = 14;
        int gap = 8;
        int total = heights.length * barWidth + (heights.length - 1) * gap;
        int x = (SIZE - total) / 2;
        for (int h : heights) {
            g.fill(new RoundRectangle2D.Double(x, 212 - h, barWidth, h, 8, 8));
            x += barWidth + gap;
        }
        g.dispose();
        ImageIO.write(image, "png", new File(args.length > 0 ? args[0] : "voxprint.png"));
    }
}
