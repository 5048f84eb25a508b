package io.voxprint.audio;

/**
 * Log-mel spectrogram of 16 kHz audio for display: 25 ms Hann window, 10 ms hop, 80 mel bands.
 *
 * <p>The definition is torchaudio's {@code MelSpectrogram(n_fft=512, win_length=400, hop_length=160,
 * n_mels=80, center=False, mel_scale="htk", norm=None, power=2)} followed by {@code log(x + 1e-6)}:
 * each 512-sample frame carries the 400-sample periodic Hann window in its middle (offset 56), so
 * frame {@code t} covers samples {@code t*160 + 56 .. t*160 + 455}. Input shorter than one frame
 * gives no frames. Plain Java radix-2 FFT, no native code.
 */
public final class LogMelSpectrogram {
    public static final int SAMPLE_RATE = 16_000;
    public static final int FFT_SIZE = 512;
    public static final int WINDOW_LENGTH = 400;
    public static final int HOP_LENGTH = 160;
    public static final int MEL_BANDS = 80;
    private static final double LOG_FLOOR = 1e-6;
    private static final int WINDOW_OFFSET = (FFT_SIZE - WINDOW_LENGTH) / 2;

    private final double[] window = periodicHann(WINDOW_LENGTH);
    private final double[][] filterBank = htkFilterBank(FFT_SIZE / 2 + 1, MEL_BANDS, SAMPLE_RATE);

    /** @return frames x {@link #MEL_BANDS} natural-log mel energies */
    public float[][] compute(float[] samples) {
        int frames = samples.length < FFT_SIZE ? 0 : 1 + (samples.length - FFT_SIZE) / HOP_LENGTH;
        float[][] out = new float[frames][];
        double[] re = new double[FFT_SIZE];
        double[] im = new double[FFT_SIZE];
        double[] power = new double[FFT_SIZE / 2 + 1];
        for (int t = 0; t < frames; t++) {
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            int start = t * HOP_LENGTH + WINDOW_OFFSET;
            for (int i = 0; i < WINDOW_LENGTH; i++) {
                re[WINDOW_OFFSET + i] = samples[start + i] * window[i];
            }
            Fft.transform(re, im);
            for (int k = 0; k < power.length; k++) {
                power[k] = re[k] * re[k] + im[k] * im[k];
            }
            out[t] = melLog(power);
        }
        return out;
    }

    private float[] melLog(double[] power) {
        float[] bands = new float[MEL_BANDS];
        for (int m = 0; m < MEL_BANDS; m++) {
            double sum = 0;
            double[] weights = filterBank[m];
            for (int k = 0; k < weights.length; k++) {
                sum += weights[k] * power[k];
            }
            bands[m] = (float) Math.log(sum + LOG_FLOOR);
        }
        return bands;
    }

    static double[] periodicHann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return w;
    }

    private static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    private static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }

    /** Triangular filters on the HTK mel scale, unnormalised, as torchaudio's melscale_fbanks. */
    static double[][] htkFilterBank(int bins, int bands, int sampleRate) {
        double nyquist = sampleRate / 2.0;
        double melMax = hzToMel(nyquist);
        double[] edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(melMax * i / (bands + 1));
        }
        double[][] bank = new double[bands][bins];
        for (int m = 0; m < bands; m++) {
            double lower = edges[m];
            double centre = edges[m + 1];
            double upper = edges[m + 2];
            for (int k = 0; k < bins; k++) {
                double f = nyquist * k / (bins - 1);
                double down = (f - lower) / (centre - lower);
                double up = (upper - f) / (upper - centre);
                bank[m][k] = Math.max(0.0, Math.min(down, up));
            }
        }
        return bank;
    }

    /** In-place iterative radix-2 Cooley-Tukey FFT. */
    static final class Fft {
        private Fft() {
        }

        static void transform(double[] re, double[] im) {
            int n = re.length;
            if (Integer.bitCount(n) != 1) {
                throw new IllegalArgumentException("FFT size must be a power of two: " + n);
            }
            for (int i = 1, j = 0; i < n; i++) {
                int bit = n >> 1;
                for (; (j & bit) != 0; bit >>= 1) {
                    j ^= bit;
                }
                j ^= bit;
                if (i < j) {
                    double t = re[i]; re[i] = re[j]; re[j] = t;
                    t = im[i]; im[i] = im[j]; im[j] = t;
                }
            }
            for (int len = 2; len <= n; len <<= 1) {
                double angle = -2 * Math.PI / len;
                double wRe = Math.cos(angle);
                double wIm = Math.sin(angle);
                for (int i = 0; i < n; i += len) {
                    double curRe = 1;
                    double curIm = 0;
                    for (int k = 0; k < len / 2; k++) {
                        int a = i + k;
                        int b = a + len / 2;
                        double bRe = re[b] * curRe - im[b] * curIm;
                        double bIm = re[b] * curIm + im[b] * curRe;
                        re[b] = re[a] - bRe;
                        im[b] = im[a] - bIm;
                        re[a] += bRe;
                        im[a] += bIm;
                        double nextRe = curRe * wRe - curIm * wIm;
                        curIm = curRe * wIm + curIm * wRe;
                        curRe = nextRe;
                    }
                }
            }
        }
    }
}
