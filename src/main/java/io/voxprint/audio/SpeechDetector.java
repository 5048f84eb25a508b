package io.voxprint.audio;

import java.util.Arrays;

/**
 * Voice activity on a stream of 16 kHz mono samples, in bounded memory: where speech starts and
 * ends, reported in order as soon as each stretch is certain.
 *
 * <p>Energy on 20 ms frames, decided a block ({@link #BLOCK_SECONDS}) at a time against the
 * threshold of {@link QualityAnalyzer} (noise floor = 10th percentile, speech level = 95th, speech
 * when a frame rises above the floor by a quarter of that range, by at least 3 dB, and above
 * -55 dBFS), the percentiles taken over the block and the block before it, so the threshold follows a
 * background that changes over an hour. Silences shorter than {@link #BRIDGE_SECONDS} inside speech are
 * bridged (a breath is not the end of a turn); bursts shorter than {@link #MIN_SPEECH_SECONDS} are
 * dropped; a stretch longer than {@link #MAX_STRETCH_SECONDS} is cut there, so nobody waits
 * for the end of a monologue.
 */
public final class SpeechDetector implements SampleSink {
    public static final int FRAME = QualityAnalyzer.FRAME;
    public static final double BLOCK_SECONDS = 10;
    public static final double BRIDGE_SECONDS = 0.3;
    public static final double MIN_SPEECH_SECONDS = 0.2;
    public static final double MAX_STRETCH_SECONDS = 30;
    private static final int RATE = AudioLoader.MODEL_SAMPLE_RATE;
    private static final int BLOCK = (int) (BLOCK_SECONDS * RATE / FRAME);
    private static final int BRIDGE = (int) Math.round(BRIDGE_SECONDS * RATE / FRAME);
    private static final int MIN_SPEECH = (int) Math.round(MIN_SPEECH_SECONDS * RATE / FRAME);
    private static final int MAX_STRETCH = (int) (MAX_STRETCH_SECONDS * RATE / FRAME);

    /** Receives each stretch of speech, in time order, as sample positions from the stream's start. */
    @FunctionalInterface
    public interface Stretches {
        void speech(long startSample, long endSample);
    }

    private final Stretches out;
    private final double[] history = new double[2 * BLOCK];
    private int historyFill;
    private final double[] pending = new double[BLOCK];
    private int pendingFill;
    private double frameEnergy;
    private int frameFill;
    private long decidedFrames;
    private long openStart = -1;
    private long lastSpeechEnd = -1;

    public SpeechDetector(Stretches out) {
        this.out = out;
    }

    @Override
    public void accept(float[] samples, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            frameEnergy += (double) samples[i] * samples[i];
            if (++frameFill == FRAME) {
                pending[pendingFill++] = 10 * Math.log10(frameEnergy / FRAME + 1e-12);
                frameEnergy = 0;
                frameFill = 0;
                if (pendingFill == BLOCK) {
                    decideBlock();
                }
            }
        }
    }

    /** The end of the stream: decides what is left and reports the last stretch. */
    public void finish() {
        decideBlock();
        if (openStart >= 0) {
            close();
        }
    }

    /** The earliest sample a stretch not yet reported may start at: samples before it are no longer needed. */
    public long earliestOpenSample() {
        return (openStart >= 0 ? openStart : decidedFrames) * FRAME;
    }

    private void decideBlock() {
        if (pendingFill == 0) {
            return;
        }
        int keep = Math.min(historyFill, BLOCK);
        System.arraycopy(history, historyFill - keep, history, 0, keep);
        System.arraycopy(pending, 0, history, keep, pendingFill);
        historyFill = keep + pendingFill;
        double threshold = threshold(Arrays.copyOf(history, historyFill));
        for (int i = 0; i < pendingFill; i++) {
            frame(decidedFrames++, pending[i] > threshold);
        }
        pendingFill = 0;
    }

    private void frame(long index, boolean speech) {
        if (speech) {
            if (openStart < 0) {
                openStart = index;
            } else if (index - openStart >= MAX_STRETCH) {
                close();
                openStart = index;
            }
            lastSpeechEnd = index + 1;
        } else if (openStart >= 0 && index - lastSpeechEnd >= BRIDGE) {
            close();
        }
    }

    private void close() {
        if (lastSpeechEnd - openStart >= MIN_SPEECH) {
            out.speech(openStart * FRAME, lastSpeechEnd * FRAME);
        }
        openStart = -1;
    }

    static double threshold(double[] db) {
        double[] sorted = db.clone();
        Arrays.sort(sorted);
        double floor = sorted[(int) Math.floor(0.10 * (sorted.length - 1))];
        double level = sorted[(int) Math.floor(0.95 * (sorted.length - 1))];
        return Math.max(QualityAnalyzer.MIN_SPEECH_DBFS,
                floor + Math.max(QualityAnalyzer.MIN_RISE_DB, QualityAnalyzer.RISE_FRACTION * (level - floor)));
    }
}
