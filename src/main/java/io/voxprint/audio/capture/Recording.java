package io.voxprint.audio.capture;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running capture: a daemon thread reads about 50 ms blocks from the line, reports each block
 * with its level, and keeps the samples until {@link #stop()} or the maximum length.
 */
public final class Recording implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recording.class);
    private static final double BLOCK_SECONDS = 0.05;

    private final TargetDataLine line;
    private final PcmDecoder decoder;
    private final float sampleRate;
    private final long maxFrames;
    private final CaptureListener listener;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Object lock = new Object();
    private float[] samples = new float[16_000];
    private int count;

    private Recording(TargetDataLine line, Duration maxLength, CaptureListener listener) {
        AudioFormat format = line.getFormat();
        this.line = line;
        this.decoder = new PcmDecoder(format);
        this.sampleRate = format.getSampleRate();
        this.maxFrames = (long) Math.ceil(maxLength.toMillis() / 1000.0 * sampleRate);
        this.listener = listener;
    }

    static Recording start(TargetDataLine line, Duration maxLength, CaptureListener listener) {
        Recording recording = new Recording(line, maxLength, listener);
        Thread thread = new Thread(recording::readLoop, "voxprint-capture");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Capture thread failed", e));
        line.start();
        thread.start();
        return recording;
    }

    public float sampleRate() {
        return sampleRate;
    }

    public AudioFormat format() {
        return line.getFormat();
    }

    public boolean isRunning() {
        return running.get();
    }

    public double maxSeconds() {
        return maxFrames / (double) sampleRate;
    }

    /** Stops capturing (if still running) and returns everything recorded. */
    public CapturedAudio stop() {
        running.set(false);
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return snapshot();
    }

    /** Everything recorded so far, while the recording goes on (a copy). */
    public CapturedAudio soFar() {
        return snapshot();
    }

    /** Waits until the recording ends by itself or is stopped. */
    public CapturedAudio awaitEnd() throws InterruptedException {
        finished.await();
        return snapshot();
    }

    @Override
    public void close() {
        stop();
    }

    private CapturedAudio snapshot() {
        synchronized (lock) {
            return new CapturedAudio(java.util.Arrays.copyOf(samples, count), sampleRate);
        }
    }

    private void readLoop() {
        int frameSize = decoder.frameSize();
        int blockFrames = Math.max(1, (int) (sampleRate * BLOCK_SECONDS));
        byte[] buffer = new byte[blockFrames * frameSize];
        CaptureListener.StopReason reason = null;
        try {
            long frames = 0;
            while (running.get()) {
                int wanted = (int) Math.min(blockFrames, maxFrames - frames) * frameSize;
                int read = line.read(buffer, 0, wanted);
                if (read <= 0) {
                    if (!line.isOpen()) {
                        reason = CaptureListener.StopReason.LINE_ENDED;
                        break;
                    }
                    continue;
                }
                float[] block = decoder.decode(buffer, read);
                append(block);
                frames += block.length;
                listener.onBlock(block, Level.of(block, block.length));
                if (frames >= maxFrames) {
                    reason = CaptureListener.StopReason.MAX_LENGTH;
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Capture failed", e);
            reason = CaptureListener.StopReason.LINE_ENDED;
        } finally {
            running.set(false);
            line.stop();
            line.close();
            finished.countDown();
        }
        if (reason != null) {
            listener.onFinished(snapshot(), reason);
        }
    }

    private void append(float[] block) {
        synchronized (lock) {
            if (count + block.length > samples.length) {
                samples = java.util.Arrays.copyOf(samples, Math.max(samples.length * 2, count + block.length));
            }
            System.arraycopy(block, 0, samples, count, block.length);
            count += block.length;
        }
    }
}
