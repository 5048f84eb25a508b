package io.voxprint.ui.components;

import javafx.scene.paint.Color;

/** Maps a value in [min, max] to a colour by linear interpolation between anchor colours. */
public final class ColorScale {
    /** Nine samples of matplotlib's viridis: perceptually even, readable in grey, colour-blind safe. */
    public static final ColorScale VIRIDIS = new ColorScale(
            "#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725");
    /** Blue, white, red: for differences, centred on zero. */
    public static final ColorScale DIVERGING = new ColorScale(
            "#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b");
    public static final Color MISSING = Color.web("#e4e6ea");

    private final Color[] anchors;

    public ColorScale(String... hex) {
        anchors = new Color[hex.length];
        for (int i = 0; i < hex.length; i++) {
            anchors[i] = Color.web(hex[i]);
        }
    }

    /** @param t 0..1 (clamped); NaN gives {@link #MISSING} */
    public Color at(double t) {
        if (Double.isNaN(t)) {
            return MISSING;
        }
        double x = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(x));
        return anchors[i].interpolate(anchors[i + 1], x - i);
    }

    public Color map(double value, double min, double max) {
        return Double.isNaN(value) ? MISSING : at(max > min ? (value - min) / (max - min) : 0.5);
    }
}
