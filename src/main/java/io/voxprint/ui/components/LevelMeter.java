package io.voxprint.ui.components;

import io.voxprint.audio.capture.Level;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A horizontal meter from -60 to 0 dBFS: the bar is the RMS level, the line the peak. */
public final class LevelMeter extends CanvasPane {
    private final ReadOnlyDoubleWrapper rmsDb = new ReadOnlyDoubleWrapper(this, "rmsDb", Level.FLOOR_DB);
    private final ReadOnlyDoubleWrapper peakDb = new ReadOnlyDoubleWrapper(this, "peakDb", Level.FLOOR_DB);

    public LevelMeter() {
        super(300, 16);
        setMinHeight(12);
        getStyleClass().add("level-meter");
    }

    public void setLevel(Level level) {
        rmsDb.set(level.rmsDb());
        peakDb.set(level.peakDb());
        redraw();
    }

    public void reset() {
        setLevel(new Level(0, 0));
    }

    public ReadOnlyDoubleProperty rmsDbProperty() {
        return rmsDb.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty peakDbProperty() {
        return peakDb.getReadOnlyProperty();
    }

    private static double fraction(double db) {
        return (db - Level.FLOOR_DB) / -Level.FLOOR_DB;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFill(Color.web("#e4e7eb"));
        g.fillRoundRect(0, 0, w, h, 6, 6);
        double rms = rmsDb.get();
        g.setFill(rms > -6 ? Color.web("#d64545") : rms > -18 ? Color.web("#e0a526") : Color.web("#2e9d5b"));
        g.fillRoundRect(0, 0, w * fraction(rms), h, 6, 6);
        double px = w * fraction(peakDb.get());
        g.setStroke(Color.web("#1f2937"));
        g.setLineWidth(2);
        g.strokeLine(px, 1, px, h - 1);
    }
}
