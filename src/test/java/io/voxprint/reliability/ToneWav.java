package io.voxprint.reliability;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A 16-bit PCM WAV of a 441 Hz tone (amplitude 0.5, the same on every channel), produced while it
 * is read: hours of audio without a file on disk or the bytes in memory.
 */
final class ToneWav extends InputStream {
    static final double FREQUENCY = 441;
    private final byte[] header;
    private final byte[] period;
    private final long total;
    private long pos;

    ToneWav(int rate, int channels, long frames) {
        long data = frames * channels * 2;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ForgedFiles.ascii("RIFF")).putInt((int) Math.min(0xFFFFFFFFL, 36 + data)).put(ForgedFiles.ascii("WAVE"));
        h.put(ForgedFiles.ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        h.put(ForgedFiles.ascii("data")).putInt((int) Math.min(0xFFFFFFFFL, data));
        header = h.array();
        total = header.length + data;
        if (rate % (int) FREQUENCY != 0) {
            throw new IllegalArgumentException("whole periods only");
        }
        int periodFrames = rate / (int) FREQUENCY;
        ByteBuffer p = ByteBuffer.allocate(periodFrames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < periodFrames; f++) {
            short v = (short) Math.round(16384 * Math.sin(2 * Math.PI * FREQUENCY * f / rate));
            for (int c = 0; c < channels; c++) {
                p.putShort(v);
            }
        }
        period = p.array();
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos >= total) {
            return -1;
        }
        int n = (int) Math.min(len, total - pos);
        for (int done = 0; done < n; ) {
            int chunk;
            if (pos < header.length) {
                chunk = (int) Math.min(n - done, header.length - pos);
                System.arraycopy(header, (int) pos, b, off + done, chunk);
            } else {
                int at = (int) ((pos - header.length) % period.length);
                chunk = Math.min(n - done, period.length - at);
                System.arraycopy(period, at, b, off + done, chunk);
            }
            done += chunk;
            pos += chunk;
        }
        return n;
    }
}
