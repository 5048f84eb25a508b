import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Saves the whole X screen as a PNG and fails unless at least MIN_PERCENT of it differs from the
 * empty (black) Xvfb background, i.e. unless a window has actually painted. Run with the app
 * image's own runtime, which carries AWT's X11 toolkit, so no screenshot package is needed.
 *
 * <pre>java ScreenShot OUT.png [MIN_PERCENT]</pre>
 */
public final class ScreenShot {
    public static void main(String[] args) throws Exception {
        double minPercent = args.length > 1 ? Double.parseDouble(args[1]) : 20.0;
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        BufferedImage image = new Robot().createScreenCapture(screen);
        ImageIO.write(image, "png", new File(args[0]));
        long painted = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0) {
                    painted++;
                }
            }
        }
        double percent = 100.0 * painted / ((long) image.getWidth() * image.getHeight());
        System.out.printf("screenshot %s: %dx%d, %.1f%% painted%n", args[0], image.getWidth(), image.getHeight(), percent);
        System.exit(percent >= minPercent ? 0 : 1);
    }

    private ScreenShot() {
    }
}
