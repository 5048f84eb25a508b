package io.voxprint.ui.components;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws audio as a min/max envelope. {@link #setSamples} shows a whole take; {@link #append} adds
 * live blocks and scrolls, keeping the last {@code windowSeconds} in 10 ms buckets.
 */
public final class WaveformView extends CanvasPane {
    private static final int BUCKETS_PER_SECOND = 100;
    private float[] mins = new float[0];
    private float[] maxs = new float[0];
    private int filled;
    private double windowSeconds = 6;
    private float sampleRate = 16_000;
    private int bucketFill;
    private float curMin = Float.MAX_VALUE;
    private float curMax = -Float.MAX_VALUE;
    private boolean scrolling;

    public WaveformView() {
        super(480, 110);
        getStyleClass().add("waveform");
    }

    /** Starts a live view of the given rate. */
    public void startLive(float rate, double windowSeconds) {
        this.sampleRate = rate;
        this.windowSeconds = windowSeconds;
        int n = (int) (windowSeconds * BUCKETS_PER_SECOND);
        mins = new float[n];
        maxs = new float[n];
        filled = 0;
        bucketFill = 0;
        curMin = Float.MAX_VALUE;
        curMax = -Float.MAX_VALUE;
        scrolling = true;
        redraw();
    }

    public void append(float[] block) {
        int perBucket = Math.max(1, (int) (sampleRate / BUCKETS_PER_SECOND));
        for (float v : block) {
            curMin = Math.min(curMin, v);
            curMax = Math.max(curMax, v);
            if (++bucketFill == perBucket) {
                push(curMin, curMax);
                bucketFill = 0;
                curMin = Float.MAX_VALUE;
                curMax = -Float.MAX_VALUE;
            }
        }
        redraw();
    }

    private void push(float lo, float hi) {
        if (filled == mins.length) {
            System.arraycopy(mins, 1, mins, 0, mins.length - 1);
            System.arraycopy(maxs, 1, maxs, 0, maxs.length - 1);
            filled--;
        }
        mins[filled] = lo;
        maxs[filled] = hi;
        filled++;
    }

    /** Shows a whole take, one min/max pair per pixel column at draw time. */
    public void setSamples(float[] samples, float rate) {
        scrolling = false;
        this.sampleRate = rate;
        int n = Math.max(1, Math.min(4000, samples.length));
        mins = new float[n];
        maxs = new float[n];
        for (int i = 0; i < n; i++) {
            int from = (int) ((long) i * samples.length / n);
            int to = Math.max(from + 1, (int) ((long) (i + 1) * samples.length / n));
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (int k = from; k < to && k < samples.length; k++) {
                lo = Math.min(lo, samples[k]);
                hi = Math.max(hi, samples[k]);
            }
            mins[i] = lo == Float.MAX_VALUE ? 0 : lo;
            maxs[i] = hi == -Float.MAX_VALUE ? 0 : hi;
        }
        filled = samples.length == 0 ? 0 : n;
        redraw();
    }

    public void clear() {
        filled = 0;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFill(Color.web("#fbfcfd"));
        g.fillRect(0, 0, w, h);
        double mid = h / 2;
        g.setStroke(Color.web("#d5d9df"));
        g.strokeLine(0, mid, w, mid);
        if (filled == 0) {
            return;
        }
        int capacity = scrolling ? mins.length : filled;
        g.setStroke(Color.web("#2f6fdf"));
        g.setLineWidth(1);
        int columns = (int) Math.ceil(w);
        for (int x = 0; x < columns; x++) {
            int from = (int) ((long) x * capacity / columns);
            int to = Math.max(from + 1, (int) ((long) (x + 1) * capacity / columns));
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (int k = from; k < to && k < filled; k++) {
                lo = Math.min(lo, mins[k]);
                hi = Math.max(hi, maxs[k]);
            }
            if (lo <= hi) {
                g.strokeLine(x + 0.5, mid - hi * mid * 0.95, x + 0.5, mid - lo * mid * 0.95 + 0.5);
            }
        }
    }
}
