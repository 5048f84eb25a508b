package io.voxprint.scoring;

import java.util.Arrays;

/**
 * The row of each key of a {@link SpeakerIndex}: open addressing with linear probing in two arrays.
 * A {@code HashMap<String, Integer>} made a node and a boxed row per speaker; for a million speakers
 * those two million small objects were most of what a load left for the collector to copy, and its
 * young pauses grew to 100 to 200 ms. Here a key costs two array slots. Not thread-safe: the index's
 * lock guards it.
 */
final class KeyRows {
    /** At most this full: linear probing stays short below about 70 %. */
    private static final double LOAD = 0.6;

    private String[] keys;
    private int[] rows;
    private int mask;
    private int size;
    private int threshold;

    KeyRows(int expected) {
        allocate(tableSize(expected));
    }

    int size() {
        return size;
    }

    /** The key's row, or -1. */
    int get(String key) {
        for (int i = slot(key);; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(key)) {
                return rows[i];
            }
        }
    }

    void put(String key, int row) {
        if (size >= threshold) {
            grow();
        }
        int i = slot(key);
        for (; keys[i] != null; i = (i + 1) & mask) {
            if (keys[i].equals(key)) {
                rows[i] = row;
                return;
            }
        }
        keys[i] = key;
        rows[i] = row;
        size++;
    }

    /** Removes the key; gives its row, or -1 when it was not there. */
    int remove(String key) {
        int i = slot(key);
        for (; keys[i] != null; i = (i + 1) & mask) {
            if (keys[i].equals(key)) {
                int row = rows[i];
                closeGap(i);
                size--;
                return row;
            }
        }
        return -1;
    }

    /**
     * Empties slot {@code gap} by moving back each later entry of the same run whose home slot does not
     * lie after the gap (backward-shift deletion: no tombstones, so lookups never slow down over time).
     */
    private void closeGap(int gap) {
        for (int j = (gap + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            boolean homeAfterGap = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!homeAfterGap) {
                keys[gap] = keys[j];
                rows[gap] = rows[j];
                gap = j;
            }
        }
        keys[gap] = null;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldRows = rows;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int s = slot(oldKeys[i]);
                while (keys[s] != null) {
                    s = (s + 1) & mask;
                }
                keys[s] = oldKeys[i];
                rows[s] = oldRows[i];
            }
        }
    }

    private void allocate(int tableSize) {
        keys = new String[tableSize];
        rows = new int[tableSize];
        Arrays.fill(rows, -1);
        mask = tableSize - 1;
        threshold = (int) (tableSize * LOAD);
    }

    private int slot(String key) {
        int h = key.hashCode() * 0x9E3779B9; // spreads the String hashes of names that differ only at the end
        return (h ^ (h >>> 16)) & mask;
    }

    private static int tableSize(int expected) {
        long needed = (long) Math.ceil(Math.max(1, expected) / LOAD) + 1;
        return (int) Math.min(1 << 30, Long.highestOneBit(needed - 1) << 1);
    }
}
