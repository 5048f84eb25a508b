package io.voxprint.audio;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The windowed-sinc kernel of torchaudio.functional.resample (0.13.1, defaults:
 * sinc_interpolation with a Hann window, lowpass_filter_width 6, rolloff 0.99), stored per output
 * phase with only the taps inside the window.
 *
 * <p>torchaudio builds a dense (new x (2*width+orig)) matrix; outside |t| < lowpass_filter_width
 * its entries are the clamped window cos^2(pi/2) ~ 1e-33 times a sinc, i.e. zero in float32. Keeping
 * only the support makes a coprime rate such as 44101 Hz cost a few MB instead of gigabytes, and
 * each output sample about 2*6*orig/base multiply-adds instead of 2*width+orig.
 *
 * <p>Output sample {@code n = m*newRate + j} is {@code sum_q taps[j][q] * x[m*origRate + first[j] + q]},
 * with x zero outside the signal, exactly torchaudio's conv1d over the padded signal.
 */
final class PolyphaseKernel {
    static final int LOWPASS_FILTER_WIDTH = 6;
    static final double ROLLOFF = 0.99;
    private static final int CACHE_SIZE = 8;
    private static final Map<Long, PolyphaseKernel> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PolyphaseKernel> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    final int origRate;
    final int newRate;
    final int width;
    final float[][] taps;
    final int[] first;
    /** The largest {@code first[j] + taps[j].length - 1}: how far ahead of m*origRate a frame reads. */
    final int maxReach;
    private final float base;
    private final float scale;

    private PolyphaseKernel(int origRate, int newRate) {
        this.origRate = origRate;
        this.newRate = newRate;
        double base = Math.min(origRate, newRate) * ROLLOFF;
        this.width = (int) Math.ceil(LOWPASS_FILTER_WIDTH * origRate / base);
        this.base = (float) base;
        this.scale = (float) (base / origRate);
        int kernelLength = 2 * width + origRate;
        taps = new float[newRate][];
        first = new int[newRate];
        int reach = Integer.MIN_VALUE;
        for (int j = 0; j < newRate; j++) {
            // |t| < 6 where t = ((k - width)/orig - j/new) * base: solve for k, then widen by one tap
            // on each side and let the exact test decide, so rounding never drops a tap.
            double centre = width + (double) origRate * j / newRate;
            double half = LOWPASS_FILTER_WIDTH * origRate / base;
            int lo = Math.max(0, (int) Math.floor(centre - half) - 1);
            int hi = Math.min(kernelLength - 1, (int) Math.ceil(centre + half) + 1);
            int kFirst = -1;
            int kLast = -2;
            float[] values = new float[hi - lo + 1];
            for (int k = lo; k <= hi; k++) {
                float v = tap(j, k);
                if (Float.isNaN(v)) {
                    continue;
                }
                values[k - lo] = v;
                if (kFirst < 0) {
                    kFirst = k;
                }
                kLast = k;
            }
            float[] phase = new float[Math.max(0, kLast - kFirst + 1)];
            for (int k = kFirst; k <= kLast; k++) {
                phase[k - kFirst] = values[k - lo];
            }
            taps[j] = phase;
            first[j] = (kFirst < 0 ? 0 : kFirst) - width;
            reach = Math.max(reach, first[j] + phase.length - 1);
        }
        maxReach = reach;
    }

    /**
     * One kernel entry, or NaN outside the window. Evaluated in float32 step by step as torchaudio
     * does for a float32 waveform (its kernel dtype follows the waveform's): at large reduced rates
     * (12345 Hz -> 16 kHz reduces to 2469/3200) the float32 rounding of t moves taps by up to 3e-4,
     * and that rounding is part of the reference output.
     */
    private float tap(int j, int k) {
        final float pi = (float) Math.PI;
        float t = (float) -j / (float) newRate + (float) (k - width) / (float) origRate;
        t *= base;
        if (Math.abs(t) >= LOWPASS_FILTER_WIDTH) {
            // torchaudio clamps t to +-6 there, where cos^2 of the window is ~1e-15: a zero tap
            return Float.NaN;
        }
        float window = (float) Math.cos(t * pi / LOWPASS_FILTER_WIDTH / 2);
        window *= window;
        float tp = t * pi;
        float sinc = tp == 0f ? 1f : (float) Math.sin(tp) / tp;
        return sinc * (window * scale);
    }

    /** Kernel for the gcd-reduced pair of rates; the few most recent ones are kept. */
    static PolyphaseKernel forRates(int fromRate, int toRate) {
        int g = gcd(fromRate, toRate);
        int orig = fromRate / g;
        int neu = toRate / g;
        long key = ((long) orig << 32) | neu;
        synchronized (CACHE) {
            PolyphaseKernel kernel = CACHE.get(key);
            if (kernel == null) {
                kernel = new PolyphaseKernel(orig, neu);
                CACHE.put(key, kernel);
            }
            return kernel;
        }
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
