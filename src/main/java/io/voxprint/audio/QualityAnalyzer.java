package io.voxprint.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Voice activity and quality figures on the 16 kHz mono track.
 *
 * <p>Energy-based detection on 20 ms frames with an adaptive threshold: the noise floor is the
 * 10th percentile of frame energies, the speech level the 95th; a frame is speech when it rises
 * above the floor by 30% of that range and by at least 6 dB, and is louder than -55 dBFS. SNR is
 * the mean energy of speech frames (less the noise) over that of the other frames.
 */
public final class QualityAnalyzer {
    static final int FRAME = 320; // 20 ms at 16 kHz
    static final double CLIP_LEVEL = 0.99;
    static final double MAX_CLIPPING_RATIO = 0.01;
    static final double SILENCE_DBFS = -60;
    static final double MIN_SPEECH_DBFS = -55;
    static final double MIN_RISE_DB = 3;
    static final double RISE_FRACTION = 0.25;
    static final double NOISY_BELOW_DB = 5;
    static final double MAX_SNR_DB = 60;

    private final double minNetSpeechSeconds;

    public QualityAnalyzer() {
        this(1.0);
    }

    public QualityAnalyzer(double minNetSpeechSeconds) {
        if (!(minNetSpeechSeconds >= 0)) {
            throw new IllegalArgumentException("minNetSpeechSeconds must be >= 0: " + minNetSpeechSeconds);
        }
        this.minNetSpeechSeconds = minNetSpeechSeconds;
    }

    public QualityReport analyze(float[] samples16k) {
        double seconds = samples16k.length / (double) AudioLoader.MODEL_SAMPLE_RATE;
        List<String> problems = new ArrayList<>();
        long clipped = 0;
        double peak = 0;
        for (float v : samples16k) {
            double a = Math.abs(v);
            peak = Math.max(peak, a);
            if (a >= CLIP_LEVEL) {
                clipped++;
            }
        }
        double clippingRatio = samples16k.length == 0 ? 0 : (double) clipped / samples16k.length;

        int frames = samples16k.length / FRAME;
        double[] energy = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                sum += (double) samples16k[i] * samples16k[i];
            }
            energy[f] = sum / FRAME;
        }
        double netSpeech = 0;
        double snr = 0;
        boolean silent = frames == 0 || 20 * Math.log10(Math.max(peak, 1e-12)) < SILENCE_DBFS;
        if (silent) {
            problems.add(frames == 0 ? "empty recording" : "silent recording");
        } else {
            double[] db = new double[frames];
            for (int f = 0; f < frames; f++) {
                db[f] = 10 * Math.log10(energy[f] + 1e-12);
            }
            double[] sorted = db.clone();
            Arrays.sort(sorted);
            double floor = percentile(sorted, 0.10);
            double level = percentile(sorted, 0.95);
            double threshold = Math.max(MIN_SPEECH_DBFS,
                    floor + Math.max(MIN_RISE_DB, RISE_FRACTION * (level - floor)));
            double speechEnergy = 0;
            double noiseEnergy = 0;
            int speechFrames = 0;
            for (int f = 0; f < frames; f++) {
                if (db[f] > threshold) {
                    speechEnergy += energy[f];
                    speechFrames++;
                } else {
                    noiseEnergy += energy[f];
                }
            }
            netSpeech = speechFrames * FRAME / (double) AudioLoader.MODEL_SAMPLE_RATE;
            if (speechFrames > 0) {
                double s = speechEnergy / speechFrames;
                double n = speechFrames == frames ? Math.pow(10, floor / 10) : noiseEnergy / (frames - speechFrames);
                snr = n <= 1e-12 ? MAX_SNR_DB : Math.min(MAX_SNR_DB, 10 * Math.log10(Math.max(s - n, 1e-12) / n));
            }
        }
        if (!silent && netSpeech < minNetSpeechSeconds) {
            problems.add(String.format(Locale.ROOT, "only %.1f s of speech; at least %.1f s is needed",
                    netSpeech, minNetSpeechSeconds));
        }
        if (clippingRatio > MAX_CLIPPING_RATIO) {
            problems.add(String.format(Locale.ROOT, "%.0f%% of samples clipped", clippingRatio * 100));
        }
        if (netSpeech > 0 && snr < NOISY_BELOW_DB) {
            problems.add(String.format(Locale.ROOT, "noisy recording: speech is only %.0f dB above the background", snr));
        }
        return new QualityReport(seconds, netSpeech, clippingRatio, snr, problems);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
    }
}
