package io.voxprint.testing;

import java.io.InputStream;

/**
 * A header followed by one period of bytes repeated up to a total length, produced while it is read:
 * gigabytes of audio for a decoder without a file on disk or the bytes in memory.
 */
public class RepeatingStream extends InputStream {
    private final byte[] header;
    private final byte[] period;
    private final long total;
    private long pos;

    public RepeatingStream(byte[] header, byte[] period, long total) {
        this.header = header;
        this.period = period;
        this.total = total;
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
