package io.voxprint.audio;

import java.util.ArrayList;
import java.util.List;

/** Growing float storage in fixed chunks: no doubling copies while a long recording streams in. */
final class FloatAccumulator implements SampleSink {
    private static final int CHUNK = 1 << 16;
    private final List<float[]> full = new ArrayList<>();
    private float[] current = new float[CHUNK];
    private int fill;
    private long size;

    @Override
    public void accept(float[] samples, int offset, int length) {
        while (length > 0) {
            if (fill == CHUNK) {
                full.add(current);
                current = new float[CHUNK];
                fill = 0;
            }
            int n = Math.min(length, CHUNK - fill);
            System.arraycopy(samples, offset, current, fill, n);
            fill += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    long size() {
        return size;
    }

    float[] toArray() {
        float[] out = new float[Math.toIntExact(size)];
        int pos = 0;
        for (float[] chunk : full) {
            System.arraycopy(chunk, 0, out, pos, CHUNK);
            pos += CHUNK;
        }
        System.arraycopy(current, 0, out, pos, fill);
        return out;
    }
}
