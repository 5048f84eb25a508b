package io.voxprint.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.scoring.Metrics;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNGs decode, and the marks sit where the documented axes put them. */
class PlotsTest {

    @Test
    void probitMatchesTabulatedNormalQuantiles() {
        // standard normal quantiles as tabulated (scipy.stats.norm.ppf)
        assertEquals(0.0, Probit.of(0.5), 1e-12);
        assertEquals(1.959963984540054, Probit.of(0.975), 1e-8);
        assertEquals(-1.2815515655446004, Probit.of(0.1), 1e-8);
        assertEquals(-2.3263478740408408, Probit.of(0.01), 1e-8);
        assertEquals(-3.090232306167813, Probit.of(0.001), 1e-8);
        assertEquals(-4.264890793922825, Probit.of(1e-5), 1e-8);
    }

    @Test
    void detPlotMarksTheEerOnTheDiagonalAtItsProbitPosition(@TempDir Path tmp) throws IOException {
        // 10 targets and 10 non-targets overlapping by one trial on each side: EER exactly 10 %
        double[] tar = {0.35, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9};
        double[] non = {0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.32, 0.38, 0.45};
        assertEquals(0.1, Metrics.eer(tar, non).eer(), 1e-12);
        Path png = tmp.resolve("sub/det.png");
        DetPlot.write(Metrics.det(tar, non), png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(DetPlot.SIZE, img.getWidth());
        // x = LEFT + PLOT * (probit(0.1) - probit(0.0005)) / (probit(0.6) - probit(0.0005)), tabulated quantiles
        double frac = (-1.2815515655446004 + 3.2905267314918945) / (0.2533471031357997 + 3.2905267314918945);
        int cx = (int) Math.round(DetPlot.LEFT + DetPlot.PLOT * frac);
        int cy = (int) Math.round(DetPlot.TOP + DetPlot.PLOT * (1 - frac));
        assertEquals(DetPlot.EER_MARK.getRGB(), img.getRGB(cx, cy), "EER marker centre");
        assertEquals(Color.WHITE.getRGB(), img.getRGB(cx + 40, cy + 40), "background beyond the marker");
        assertTrue(count(img, DetPlot.CURVE) > 200, "the curve is drawn");
    }

    @Test
    void histogramPutsTheThresholdWhereTheDocumentedRangeSays(@TempDir Path tmp) throws IOException {
        Random r = new Random(2);
        double[] tar = new double[300];
        double[] non = new double[5000];
        for (int i = 0; i < tar.length; i++) {
            tar[i] = 0.5 + 0.4 * r.nextDouble();
        }
        for (int i = 0; i < non.length; i++) {
            non[i] = -0.1 + 0.4 * r.nextDouble();
        }
        tar[0] = 0.5;
        tar[1] = 0.9;
        non[0] = -0.1;
        non[1] = 0.3;
        Path png = tmp.resolve("hist.png");
        ScoreHistogram.write(tar, non, 0.4, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(ScoreHistogram.WIDTH, img.getWidth());
        // range [-0.1, 0.9] widened by 5 %: [-0.15, 0.95]; 0.4 sits at 0.55 / 1.1 = half way
        int tx = ScoreHistogram.LEFT + ScoreHistogram.PLOT_WIDTH / 2;
        int y = ScoreHistogram.TOP + ScoreHistogram.PLOT_HEIGHT - 5;
        assertEquals(ScoreHistogram.THRESHOLD.getRGB(), img.getRGB(tx, y), "threshold line");
        int greenRight = 0;
        int greenLeft = 0;
        int redLeft = 0;
        for (int x = ScoreHistogram.LEFT; x < ScoreHistogram.LEFT + ScoreHistogram.PLOT_WIDTH; x++) {
            Color c = new Color(img.getRGB(x, y));
            boolean green = c.getGreen() > c.getRed() + 40;
            boolean red = c.getRed() > c.getGreen() + 40;
            if (x > tx) {
                greenRight += green ? 1 : 0;
            } else {
                greenLeft += green ? 1 : 0;
                redLeft += red ? 1 : 0;
            }
        }
        assertTrue(greenRight > 250 && greenLeft == 0, "target bars only right of the threshold");
        assertTrue(redLeft > 250, "non-target bars left of it");
    }

    @Test
    void unwritablePlacesFailInOneSentence(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        ReportException e = assertThrows(ReportException.class,
                () -> ScoreHistogram.write(new double[] {1}, new double[] {0}, 0.5, file.resolve("plot.png")));
        assertTrue(e.getMessage().startsWith("The plot could not be written to "), e.getMessage());
        assertFalse(Files.exists(file.resolve("plot.png")));
    }

    private static int count(BufferedImage img, Color color) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += img.getRGB(x, y) == color.getRGB() ? 1 : 0;
            }
        }
        return n;
    }
}
