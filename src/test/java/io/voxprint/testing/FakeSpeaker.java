package io.voxprint.testing;

import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * Switches the test-only speaker on and off. While installed, {@link FakeMicrophoneProvider} lists a
 * mixer whose playback line (16 kHz mono 16-bit, the format the app plays) keeps every byte written
 * to it, and it is made the default playback line, so the unchanged javax.sound calls play into it.
 */
public final class FakeSpeaker {
    public static final String MIXER_NAME = "Voxprint test speaker";
    public static final AudioFormat FORMAT = new AudioFormat(16_000f, 16, 1, true, false);
    private static final String DEFAULT_LINE = "javax.sound.sampled.SourceDataLine";
    private static final Mixer.Info INFO = new Mixer.Info(MIXER_NAME, "Voxprint tests",
            "Keeps what is played for the test to compare", "1") { };
    private static final ByteArrayOutputStream played = new ByteArrayOutputStream();
    private static volatile FakeMixer installed;
    private static volatile int plays;

    private FakeSpeaker() {
    }

    public static void install() {
        DataLine.Info info = new DataLine.Info(SourceDataLine.class, FORMAT);
        synchronized (played) {
            played.reset();
            plays = 0;
        }
        installed = new FakeMixer(INFO, info, () -> new FakeSourceLine(info, FORMAT));
        System.setProperty(DEFAULT_LINE, "#" + MIXER_NAME);
    }

    public static void remove() {
        installed = null;
        System.clearProperty(DEFAULT_LINE);
    }

    static FakeMixer installed() {
        return installed;
    }

    /** Everything written to the speaker's lines since {@link #install}, as 16 kHz samples in [-1, 1]. */
    public static float[] playedSamples() {
        byte[] pcm;
        synchronized (played) {
            pcm = played.toByteArray();
        }
        float[] out = new float[pcm.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8)) / 32768f;
        }
        return out;
    }

    /** How many lines were drained or closed after playing something. */
    public static int finishedPlays() {
        return plays;
    }

    static void keep(byte[] b, int off, int len) {
        synchronized (played) {
            played.write(b, off, len);
        }
    }

    static void finished() {
        synchronized (played) {
            plays++;
        }
    }
}
