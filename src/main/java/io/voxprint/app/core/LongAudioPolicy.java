package io.voxprint.app.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a long recording becomes one embedding. ECAPA2 runs at about real time on a CPU, so embedding
 * an hour whole would take an hour and gigabytes of activations. Up to {@link #WHOLE_SECONDS} the
 * recording is embedded whole, exactly as the Python reference does; beyond that it is cut into
 * {@link #WINDOW_SECONDS} windows spread evenly over the recording (at most {@link #MAX_WINDOWS}),
 * each embedded, and the normalised window embeddings are averaged.
 */
public final class LongAudioPolicy {
    public static final int SAMPLE_RATE = 16_000;
    public static final double WHOLE_SECONDS = 60.0;
    public static final double WINDOW_SECONDS = 30.0;
    public static final int MAX_WINDOWS = 10;

    private LongAudioPolicy() {
    }

    /** The pieces to embed: the whole track, or evenly spread windows of a long one. */
    public static List<float[]> pieces(float[] samples) {
        if (samples.length <= WHOLE_SECONDS * SAMPLE_RATE) {
            return List.of(samples);
        }
        int window = (int) (WINDOW_SECONDS * SAMPLE_RATE);
        int fit = samples.length / window;
        int count = Math.min(MAX_WINDOWS, fit);
        // Evenly spread starts so a long meeting is sampled across its length, not just its beginning.
        long span = samples.length - (long) window;
        List<float[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int start = count == 1 ? 0 : (int) (span * i / (count - 1));
            out.add(Arrays.copyOfRange(samples, start, start + window));
        }
        return out;
    }

    /** Whether a recording of this many seconds is embedded in windows rather than whole. */
    public static boolean isWindowed(double seconds) {
        return seconds > WHOLE_SECONDS;
    }
}
