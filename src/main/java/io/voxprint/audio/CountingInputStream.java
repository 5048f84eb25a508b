package io.voxprint.audio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts consumed bytes so decoder loops can prove they advance (no endless loop on garbage). */
final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
        super(in);
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) {
            count += s;
        }
        return s;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
