package io.voxprint.scoring;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The row of each key of a {@link SpeakerIndex}: open addressing with linear probing over two int
 * arrays, a slot's row and its key's hash. The keys themselves stay where the index keeps them and
 * are read through {@code keyOfRow}.
 *
 * <p>A {@code HashMap<String, Integer>} made a node and a boxed row per speaker; for a million speakers
 * those two million small objects were most of what a load left for the collector to copy. A table of
 * key references was no better: each new key written into a random slot of a large, old array dirties
 * a card of it, and the collector's refinement threads then scanned a million such cards, more than a
 * second of a core during a million-speaker load. Ints are not references, so writing them costs the
 * collector nothing. Not thread-safe: the index's lock guards it.
 */
final class KeyRows {
    /** At most this full: linear probing stays short below about 70 %. */
    private static final double LOAD = 0.6;
    private static final int EMPTY = -1;

    private final IntFunction<String> keyOfRow;
    private int[] rows;
    private int[] hashes;
    private int mask;
    private int size;
    private int threshold;

    /**
     * {@code keyOfRow} gives the key stored at a row; for every row in this table it must give that
     * row's key whenever a method of this table runs.
     */
    KeyRows(int expected, IntFunction<String> keyOfRow) {
        this.keyOfRow = keyOfRow;
        allocate(tableSize(expected));
    }

    int size() {
        return size;
    }

    /** The key's row, or -1. */
    int get(String key) {
        int h = hash(key);
        for (int i = h & mask;; i = (i + 1) & mask) {
            int row = rows[i];
            if (row == EMPTY) {
                return -1;
            }
            if (hashes[i] == h && keyOfRow.apply(row).equals(key)) {
                return row;
            }
        }
    }

    /** Gives {@code key} (which is, or is about to be, the key of {@code row}) that row. */
    void put(String key, int row) {
        if (size >= threshold) {
            grow();
        }
        int h = hash(key);
        int i = h & mask;
        for (; rows[i] != EMPTY; i = (i + 1) & mask) {
            if (hashes[i] == h && keyOfRow.apply(rows[i]).equals(key)) {
                rows[i] = row;
                return;
            }
        }
        rows[i] = row;
        hashes[i] = h;
        size++;
    }

    /** Removes the key; gives its row, or -1 when it was not there. */
    int remove(String key) {
        int h = hash(key);
        for (int i = h & mask; rows[i] != EMPTY; i = (i + 1) & mask) {
            if (hashes[i] == h && keyOfRow.apply(rows[i]).equals(key)) {
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
        for (int j = (gap + 1) & mask; rows[j] != EMPTY; j = (j + 1) & mask) {
            int home = hashes[j] & mask;
            boolean homeAfterGap = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!homeAfterGap) {
                rows[gap] = rows[j];
                hashes[gap] = hashes[j];
                gap = j;
            }
        }
        rows[gap] = EMPTY;
    }

    private void grow() {
        int[] oldRows = rows;
        int[] oldHashes = hashes;
        allocate(rows.length * 2);
        for (int i = 0; i < oldRows.length; i++) {
            if (oldRows[i] != EMPTY) {
                int s = oldHashes[i] & mask;
                while (rows[s] != EMPTY) {
                    s = (s + 1) & mask;
                }
                rows[s] = oldRows[i];
                hashes[s] = oldHashes[i];
            }
        }
    }

    private void allocate(int tableSize) {
        rows = new int[tableSize];
        hashes = new int[tableSize];
        Arrays.fill(rows, EMPTY);
        mask = tableSize - 1;
        threshold = (int) (tableSize * LOAD);
    }

    /** The String hash spread over the table's bits: names that differ only at the end differ in the low bits too. */
    private static int hash(String key) {
        int h = key.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int tableSize(int expected) {
        long needed = (long) Math.ceil(Math.max(1, expected) / LOAD) + 1;
        return (int) Math.min(1 << 30, Long.highestOneBit(needed - 1) << 1);
    }
}
