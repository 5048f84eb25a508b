package io.voxprint.store.sealed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks for templates in bytes (a database file, its WAL, a dump): every window of three consecutive
 * float32 values of an embedding or of kept audio, in either byte order, every 16-byte window of a
 * photo, and an embedding's values as {@code embed} prints them. Windows rather than whole values, so
 * a value split across two database pages is still found.
 */
public final class PlaintextFinder {

    private static final int WINDOW = 12;
    private final Set<ByteBuffer> windows = new HashSet<>();
    private final String text;

    public PlaintextFinder(byte[] haystack) {
        for (int i = 0; i + WINDOW <= haystack.length; i++) {
            windows.add(ByteBuffer.wrap(haystack, i, WINDOW).slice());
        }
        this.text = new String(haystack, StandardCharsets.ISO_8859_1);
    }

    /** What of {@code floats} is found, in words; empty when nothing. */
    public List<String> findFloats(String what, float[] floats) {
        List<String> found = new ArrayList<>();
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            ByteBuffer b = ByteBuffer.allocate(floats.length * 4).order(order);
            b.asFloatBuffer().put(floats);
            byte[] bytes = b.array();
            for (int i = 0; i + WINDOW <= bytes.length; i += 4) {
                if (windows.contains(ByteBuffer.wrap(bytes, i, WINDOW).slice())) {
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
            if (windows.contains(ByteBuffer.wrap(bytes, i, WINDOW).slice())) {
                return List.of(what + " at byte " + i);
            }
        }
        return List.of();
    }
}
