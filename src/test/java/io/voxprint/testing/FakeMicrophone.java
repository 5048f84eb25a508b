package io.voxprint.testing;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Switches the test-only microphone on and off. While installed, {@link FakeMicrophoneProvider}
 * lists one mixer whose capture line plays the WAV's PCM bytes, in the WAV's own format only,
 * {@code speed} times faster than real time, then silence.
 */
public final class FakeMicrophone {
    public static final String MIXER_NAME = "Voxprint test microphone";
    private static volatile FakeMixer installed;

    private FakeMicrophone() {
    }

    public static void install(Path wav, double speed) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            installed = new FakeMixer(in.getFormat(), in.readAllBytes(), speed);
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalStateException("Cannot read " + wav, e);
        }
    }

    /**
     * Like {@link #install(Path, double)}, but the device goes away after the last byte, so a
     * recording ends by itself and holds exactly the WAV's samples (for comparisons with references
     * made from the file).
     */
    public static void installEndingAfter(Path wav, double speed) {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            installed = new FakeMixer(in.getFormat(), in.readAllBytes(), speed, true);
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalStateException("Cannot read " + wav, e);
        }
    }

    public static void install(AudioFormat format, byte[] pcm, double speed) {
        installed = new FakeMixer(format, pcm, speed);
    }

    public static void remove() {
        installed = null;
        release();
    }

    private static volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);
    private static volatile double gateSeconds = Double.MAX_VALUE;

    /**
     * Makes the line stop delivering once {@code seconds} of sound were read, until {@link #release()}:
     * a test can then look at the application in the middle of a recording, whatever the machine's speed.
     */
    public static void holdAfter(double seconds) {
        gate = new java.util.concurrent.CountDownLatch(1);
        gateSeconds = seconds;
    }

    /** Lets a line held by {@link #holdAfter} go on. */
    public static void release() {
        gateSeconds = Double.MAX_VALUE;
        gate.countDown();
    }

    /** Called by the line before each read: waits while the hold applies to {@code deliveredSeconds}. */
    static void passGate(double deliveredSeconds) {
        if (deliveredSeconds >= gateSeconds) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static FakeMixer installed() {
        return installed;
    }

    /** The committed speech WAV (16 kHz mono 16-bit, made by tools/fixtures/make_fake_mic_wav.py). */
    public static Path speechWav() {
        return Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"), "fixtures", "fake-mic-speech-16k.wav");
    }
}
