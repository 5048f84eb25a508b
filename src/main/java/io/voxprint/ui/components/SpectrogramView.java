package io.voxprint.ui.components;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Draws a log-mel spectrogram (frames x bands), time to the right, low bands at the bottom. The
 * range shown is the top 8 natural-log units (about 35 dB) so that silence does not wash out
 * speech.
 */
public final class SpectrogramView extends CanvasPane {
    private static final double RANGE = 8.0;
    private WritableImage image;

    public SpectrogramView() {
        super(480, 160);
        getStyleClass().add("spectrogram");
    }

    public void setFrames(float[][] frames) {
        if (frames.length == 0) {
            image = null;
            redraw();
            return;
        }
        int bands = frames[0].length;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] f : frames) {
            for (float v : f) {
                max = Math.max(max, v);
            }
        }
        double min = max - RANGE;
        image = new WritableImage(frames.length, bands);
        PixelWriter px = image.getPixelWriter();
        for (int t = 0; t < frames.length; t++) {
            for (int b = 0; b < bands; b++) {
                px.setColor(t, bands - 1 - b, ColorScale.VIRIDIS.map(frames[t][b], min, max));
            }
        }
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (image == null) {
            g.setFill(Color.web("#f1f3f6"));
            g.fillRect(0, 0, w, h);
            g.setFill(Color.web("#6b7280"));
            g.setFont(Font.font(12));
            g.fillText("No audio yet", 10, h / 2);
            return;
        }
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, w, h);
    }
}
