package io.voxprint.app.diarize;

import io.voxprint.audio.SampleSink;
import java.util.Arrays;

/**
 * The recent part of a stream of samples, addressed by position from the stream's start; older
 * samples are dropped on request, so memory follows what is still needed, not the recording's length.
 */
final class SampleBuffer implements SampleSink {
    private float[] data = new float[1 << 16];
    private long base;
    private int size;

    @Override
    public void accept(float[] samples, int offset, int length) {
        if (size + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
        }
        System.arraycopy(samples, offset, data, size, length);
        size += length;
    }

    /** Position just after the last sample received. */
    long end() {
        return base + size;
    }

    /** Samples [from, to), clipped to what is held. */
    float[] slice(long from, long to) {
        long a = Math.max(from, base);
        long b = Math.min(to, end());
        return b <= a ? new float[0] : Arrays.copyOfRange(data, (int) (a - base), (int) (b - base));
    }

    /** Forgets samples before {@code position}. */
    void dropBefore(long position) {
        int drop = (int) Math.min(size, Math.max(0, position - base));
        if (drop > 0) {
            System.arraycopy(data, drop, data, 0, size - drop);
            size -= drop;
            base += drop;
            if (data.length > (1 << 20) && size < data.length / 4) {
                data = Arrays.copyOf(data, Math.max(1 << 16, size * 2));
            }
        }
    }
}
