package io.voxprint.audio.capture;

import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plays a take through the default output line; {@link #play} blocks until done or stopped. */
public final class AudioPlayer {
    private static final Logger LOG = LoggerFactory.getLogger(AudioPlayer.class);
    private final AtomicReference<SourceDataLine> current = new AtomicReference<>();

    public void play(CapturedAudio audio) throws PlaybackException {
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, 1, true, false);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format);
        } catch (IllegalArgumentException | LineUnavailableException | SecurityException e) {
            LOG.warn("No playback line for {}", format, e);
            throw new PlaybackException(PlaybackException.NO_OUTPUT, e);
        }
        current.set(line);
        try {
            line.start();
            byte[] pcm = toPcm16(audio.samples());
            int chunk = Math.max(2, (int) audio.sampleRate() / 10 * 2);
            for (int pos = 0; pos < pcm.length && line.isOpen(); pos += chunk) {
                line.write(pcm, pos, Math.min(chunk, pcm.length - pos));
            }
            if (line.isOpen()) {
                line.drain();
            }
        } finally {
            line.close();
            current.compareAndSet(line, null);
        }
    }

    /** Ends a playback in progress on another thread. */
    public void stop() {
        SourceDataLine line = current.getAndSet(null);
        if (line != null) {
            line.stop();
            line.flush();
            line.close();
        }
    }

    static byte[] toPcm16(float[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = (int) Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767.0);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
