package io.voxprint.testing;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * Serves the WAV bytes from the moment {@link #start()} is called, no faster than {@code speed}
 * times real time, then zeros (or, with {@code endsAfterPcm}, closes like an unplugged device, so a
 * recording holds exactly the WAV's samples); reads block like a real line.
 */
final class FakeTargetLine extends FakeDataLine implements TargetDataLine {
    private final byte[] pcm;
    private final double speed;
    private final boolean endsAfterPcm;
    private long startNanos;
    private long delivered;

    FakeTargetLine(DataLine.Info info, AudioFormat format, byte[] pcm, double speed, boolean endsAfterPcm) {
        super(info, format);
        this.pcm = pcm;
        this.speed = speed;
        this.endsAfterPcm = endsAfterPcm;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        int frame = format.getFrameSize();
        len -= len % frame;
        if (!open || !running || len <= 0) {
            return 0;
        }
        FakeMicrophone.passGate(delivered / (double) (format.getFrameRate() * frame));
        if (endsAfterPcm) {
            long left = pcm.length - delivered;
            if (left <= 0) {
                close();
                return 0;
            }
            len = (int) Math.min(len, left - left % frame);
        }
        double bytesPerSecond = format.getFrameRate() * frame * speed;
        long target = delivered + len;
        long dueNanos = startNanos + (long) (target / bytesPerSecond * 1e9);
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        for (int i = 0; i < len; i++) {
            long pos = delivered + i;
            b[off + i] = pos < pcm.length ? pcm[(int) pos] : 0;
        }
        delivered += len;
        return len;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            startNanos = System.nanoTime() - (long) (delivered / (format.getFrameRate() * format.getFrameSize() * speed) * 1e9);
        }
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public long getLongFramePosition() {
        return delivered / format.getFrameSize();
    }

    @Override
    public void close() {
        open = false;
        running = false;
    }
}
