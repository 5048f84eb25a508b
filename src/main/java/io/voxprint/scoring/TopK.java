package io.voxprint.scoring;

import java.util.List;

/**
 * Bounded min-heap of the k best (row, score) pairs seen so far. The root is the worst kept entry,
 * so a scan rejects most rows with one comparison against {@link #floor()}. Ties in score are broken
 * by key (smaller key ranks higher) so results do not depend on storage order or thread split.
 */
final class TopK {

    private final int k;
    private final float[] scores;
    private final int[] rows;
    private final String[] keysByRow;
    private int size;

    TopK(int k, String[] keysByRow) {
        this.k = k;
        this.scores = new float[k];
        this.rows = new int[k];
        this.keysByRow = keysByRow;
    }

    /** Scores below this cannot enter; equal scores go through {@link #offer} for the key tie-break. */
    float floor() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(int row, float score) {
        if (size < k) {
            int i = size++;
            scores[i] = score;
            rows[i] = row;
            siftUp(i);
        } else if (worse(rows[0], scores[0], row, score)) {
            scores[0] = score;
            rows[0] = row;
            siftDown(0);
        }
    }

    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.rows[i], other.scores[i]);
        }
    }

    /** Best first; empties the heap. */
    List<Candidate> drainRanked() {
        Candidate[] out = new Candidate[size];
        // heap-sort: the root is the worst kept entry, so it fills the ranked array from the end
        while (size > 0) {
            out[size - 1] = new Candidate(keysByRow[rows[0]], scores[0]);
            size--;
            scores[0] = scores[size];
            rows[0] = rows[size];
            siftDown(0);
        }
        return List.of(out);
    }

    /** True when (rowA, a) ranks below (rowB, b). */
    private boolean worse(int rowA, float a, int rowB, float b) {
        if (a != b) {
            return a < b;
        }
        return keysByRow[rowA].compareTo(keysByRow[rowB]) > 0;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!worse(rows[i], scores[i], rows[p], scores[p])) {
                return;
            }
            swap(i, p);
            i = p;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int w = l;
            int r = l + 1;
            if (r < size && worse(rows[r], scores[r], rows[l], scores[l])) {
                w = r;
            }
            if (!worse(rows[w], scores[w], rows[i], scores[i])) {
                return;
            }
            swap(i, w);
            i = w;
        }
    }

    private void swap(int i, int j) {
        float s = scores[i];
        scores[i] = scores[j];
        scores[j] = s;
        int r = rows[i];
        rows[i] = rows[j];
        rows[j] = r;
    }
}
