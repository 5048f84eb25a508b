package io.voxprint.testing;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;

/** A playback line that takes every write at once and hands the bytes to {@link FakeSpeaker}. */
final class FakeSourceLine extends FakeDataLine implements SourceDataLine {
    private long written;

    FakeSourceLine(DataLine.Info info, AudioFormat format) {
        super(info, format);
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
    public int available() {
        return getBufferSize();
    }

    @Override
    public synchronized long getLongFramePosition() {
        return written / format.getFrameSize();
    }

    @Override
    public void close() {
        if (open && written > 0) {
            FakeSpeaker.finished();
        }
        open = false;
        running = false;
    }
}
