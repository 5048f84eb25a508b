package io.voxprint.store.sealed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Looks for templates in bytes (a database file, its WAL, a dump): every window of three consecutive
 * float32 values of an embedding or of kept audio, in either byte order, every 16-byte window of a
 * photo, and an embedding's values as {@code embed} prints them. Windows rather than whole values, so
 * a value split across two database pages is still found.
 */
public final class PlaintextFinder {

    private static final int WINDOW = 12;
    /**
     * A 64-bit hash (FNV-1a) of the haystack's window at every byte, sorted: megabytes of haystack in
     * one primitive array rather than a set of millions of buffers. Two windows with one hash would
     * report a template that is not there, never hide one that is.
     */
    private final long[] windows;
    private final String text;

    public PlaintextFinder(byte[] haystack) {
        windows = new long[Math.max(0, haystack.length - WINDOW + 1)];
        for (int i = 0; i < windows.length; i++) {
            windows[i] = hash(haystack, i);
        }
        Arrays.sort(windows);
        this.text = new String(haystack, StandardCharsets.ISO_8859_1);
    }

    private boolean holds(byte[] bytes, int at) {
        return Arrays.binarySearch(windows, hash(bytes, at)) >= 0;
    }

    private static long hash(byte[] bytes, int at) {
        long h = 0xcbf29ce484222325L;
        for (int k = at; k < at + WINDOW; k++) {
            h = (h ^ (bytes[k] & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** What of {@code floats} is found, in words; empty when nothing. */
    public List<String> findFloats(String what, float[] floats) {
        List<String> found = new ArrayList<>();
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            ByteBuffer b = ByteBuffer.allocate(floats.length * 4).order(order);
            b.asFloatBuffer().put(floats);
            byte[] bytes = b.array();
            for (int i = 0; i + WINDOW <= bytes.length; i += 4) {
                if (holds(bytes, i)) {
                    found.add(what + " as float32 " + order + " at value " + i / 4);
                    break;
                }
            }
        }
        // as `embed` prints them (JSON numbers through Jackson: Float.toString)
        for (int i = 0; i + 2 < Math.min(floats.length, 64); i++) {
            String printed = floats[i] + "," + floats[i + 1];
            if (text.contains(printed)) {
                found.add(what + " as printed text at value " + i);
                break;
            }
        }
        return found;
    }

    public List<String> findBytes(String what, byte[] bytes) {
        for (int i = 0; i + WINDOW <= bytes.length; i += 4) {
            if (holds(bytes, i)) {
                return List.of(what + " at byte " + i);
            }
        }
        return List.of();
    }
}
