package io.voxprint.testing;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;

/**
 * What the fake playback and capture lines share: one offered format, a second of buffer, open and
 * running flags, and positions counted in frames of that format.
 */
abstract class FakeDataLine implements DataLine, LineWithoutControls {
    protected final AudioFormat format;
    protected volatile boolean open;
    protected volatile boolean running;
    private final DataLine.Info info;

    FakeDataLine(DataLine.Info info, AudioFormat format) {
        this.info = info;
        this.format = format;
    }

    public void open(AudioFormat requested, int bufferSize) throws LineUnavailableException {
        open(requested);
    }

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
    public int getFramePosition() {
        return (int) getLongFramePosition();
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
    public boolean isOpen() {
        return open;
    }
}
