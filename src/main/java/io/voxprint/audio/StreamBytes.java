package io.voxprint.audio;

import java.io.IOException;
import java.io.InputStream;

/** Byte-level reading that never trusts a declared size: reads until full or end of input. */
final class StreamBytes {
    private static final int SKIP_BUFFER = 8192;

    private StreamBytes() {
    }

    /** Reads up to {@code len} bytes; fewer only at end of input. */
    static int readUpTo(InputStream in, byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = in.read(b, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /**
     * Discards up to {@code n} bytes by reading them (skip() may return 0 forever on some
     * streams); returns how many were really there.
     */
    static long discard(InputStream in, long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(SKIP_BUFFER, Math.max(1, n))];
        long left = n;
        while (left > 0) {
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    static int u16le(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
    }

    static long u32le(byte[] b, int o) {
        return (b[o] & 0xFFL) | (b[o + 1] & 0xFFL) << 8 | (b[o + 2] & 0xFFL) << 16 | (b[o + 3] & 0xFFL) << 24;
    }

    static boolean startsWith(byte[] b, int o, String ascii) {
        if (o + ascii.length() > b.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[o + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
