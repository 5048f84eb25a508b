package io.voxprint.audio.capture;

/** Loudness of one block of samples, both on a linear 0..1 full-scale range. */
public record Level(double rms, double peak) {
    public static final double FLOOR_DB = -60.0;

    public static Level of(float[] block, int length) {
        double sum = 0;
        double peak = 0;
        for (int i = 0; i < length; i++) {
            double v = block[i];
            sum += v * v;
            peak = Math.max(peak, Math.abs(v));
        }
        return new Level(length == 0 ? 0 : Math.sqrt(sum / length), peak);
    }

    public double rmsDb() {
        return toDb(rms);
    }

    public double peakDb() {
        return toDb(peak);
    }

    private static double toDb(double linear) {
        return linear <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 20 * Math.log10(linear));
    }
}
