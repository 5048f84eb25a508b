package io.voxprint.testing;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** A playback line that takes every write at once and hands the bytes to {@link FakeSpeaker}. */
final class FakeSourceLine implements SourceDataLine, LineWithoutControls {
    private final DataLine.Info info;
    private final AudioFormat format;
    private volatile boolean open;
    private volatile boolean running;
    private long written;

    FakeSourceLine(DataLine.Info info, AudioFormat format) {
        this.info = info;
        this.format = format;
    }

    @Override
    public void open(AudioFormat requested, int bufferSize) throws LineUnavailableException {
        open(requested);
    }

    @Override
    public void open(AudioFormat requested) throws LineUnavailableException {
        if (!format.matches(requested)) {
            throw new LineUnavailableException("Only " + format + " is offered");
        }
        open = true;
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public synchronized int write(byte[] b, int off, int len) {
        if (!open) {
            return 0;
        }
        FakeSpeaker.keep(b, off, len);
        written += len;
        return len;
    }

    @Override
    public void drain() {
    }

    @Override
    public void flush() {
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isActive() {
        return running;
    }

    @Override
    public AudioFormat getFormat() {
        return format;
    }

    @Override
    public int getBufferSize() {
        return (int) format.getFrameRate() * format.getFrameSize();
    }

    @Override
    public int available() {
        return getBufferSize();
    }

    @Override
    public int getFramePosition() {
        return (int) getLongFramePosition();
    }

    @Override
    public synchronized long getLongFramePosition() {
        return written / format.getFrameSize();
    }

    @Override
    public long getMicrosecondPosition() {
        return (long) (getLongFramePosition() / format.getFrameRate() * 1e6);
    }

    @Override
    public float getLevel() {
        return AudioSystem.NOT_SPECIFIED;
    }

    @Override
    public Line.Info getLineInfo() {
        return info;
    }

    @Override
    public void close() {
        if (open && written > 0) {
            FakeSpeaker.finished();
        }
        open = false;
        running = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
