package io.voxprint.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Normalised voiceprints (one per speaker) stored dimension-major: one float[] per embedding dimension, where
 * column d holds value d of every speaker (row i is the voiceprint of keys[i]). A search walks the rows
 * in chunks and, for each dimension, adds probe[d] * column[d][i] into a score per row, a loop that
 * Java's compiler turns into vector instructions (a per-row dot product it does not). Adding
 * appends a row, replacing overwrites it, removing moves the last row into the hole (swap-remove):
 * each change touches dim values and rebuilds nothing. Searches may run from several threads at
 * once; changes wait for running searches.
 *
 * <p>Longer than our other classes on purpose: the column layout is private, and every path that
 * touches it (search, put, block-wise bulk load, swap-remove, trim) has to keep the same invariants
 * under the same lock; splitting them would expose the columns.
 */
public final class SpeakerIndex {

    /**
     * Below this many floats (16 MB, about 21,800 speakers of 192 values) one thread scans faster
     * than the hand-off to the pool costs (measured at 10k and 20k x 192).
     */
    static final long PARALLEL_MIN_FLOATS = 1L << 22;
    /**
     * Rows scored together: their running scores (8 KB) stay in the first-level cache while every
     * column streams through once, and 8 KB per column is long enough for the hardware prefetcher.
     */
    static final int CHUNK_ROWS = 2048;
    /** Rows that putAll writes into the columns together (a block of 192-value rows is 192 KB, in the second-level cache). */
    static final int WRITE_BLOCK_ROWS = 256;

    private final int dim;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final KeyRows rowOf;
    /** Running scores, reused between searches: allocating one per search would zero megabytes each time. */
    private final ConcurrentLinkedQueue<float[]> scratch = new ConcurrentLinkedQueue<>();
    private float[][] columns;
    private String[] keys;
    private int size;

    public SpeakerIndex(int dim) {
        this(dim, 16);
    }

    /** expectedSize reserves room up front, which avoids copying a large index while it grows. */
    public SpeakerIndex(int dim, int expectedSize) {
        if (dim <= 0) {
            throw new ScoringException("An embedding size must be positive, not " + dim + ".");
        }
        this.dim = dim;
        int capacity = Math.max(1, Math.min(expectedSize, maxRows()));
        this.columns = new float[dim][capacity];
        this.keys = new String[capacity];
        // sized for the reserved rows too: rehashing a million entries while loading is wasted work
        this.rowOf = new KeyRows(capacity, row -> keys[row]);
    }

    public int dim() {
        return dim;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean contains(String key) {
        lock.readLock().lock();
        try {
            return rowOf.get(key) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Keys in storage order (which changes when speakers are removed). */
    public List<String> keys() {
        lock.readLock().lock();
        try {
            return List.of(java.util.Arrays.copyOf(keys, size));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds the speaker, or replaces their voiceprint if the key is already present; it is normalised here. */
    public void put(String key, float[] voiceprint) {
        if (key == null) {
            throw new ScoringException("A speaker needs a key to be stored in the index.");
        }
        requireDim(voiceprint, "voiceprint");
        float[] unit = Vectors.normalize(voiceprint);
        lock.writeLock().lock();
        try {
            writeRow(rowToPut(key), unit);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The key's row, or a new last row for a new key (under the write lock). */
    private int rowToPut(String key) {
        int row = rowOf.get(key);
        if (row >= 0) {
            return row;
        }
        ensureCapacity(size + 1);
        int r = size++;
        keys[r] = key;
        rowOf.put(key, r);
        return r;
    }

    /**
     * Gives back the room reserved beyond the speakers held when it is more than a quarter of it (an
     * index reserved for every speaker of a store of which fewer have an embedding of its model).
     */
    public void trimToSize() {
        lock.writeLock().lock();
        try {
            if (keys.length - size > keys.length / 4) {
                resize(Math.max(1, size));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Appends many rows at once from a row-major array (for cohorts and bulk loads): rows[i*dim..)
     * goes under keys[i], normalised here as {@link #put} does. Existing keys are replaced; a row that
     * cannot be normalised is refused with the rows before it kept. The rows go into the columns a
     * block at a time, each column written along a run of rows: written row by row, the 192 writes of
     * a row land in 192 columns whose starts are aligned alike and so compete for the same few cache
     * sets, which made a million-speaker load several times slower.
     */
    public void putAll(List<String> newKeys, float[] rowMajor) {
        putAll(newKeys, rowMajor, false);
    }

    /**
     * {@link #putAll} of rows that are normalised already, exactly as {@link #put} would have done it
     * ({@link Vectors#normalizeInPlace}): written as they are, without a copy. A bulk load normalises on
     * its reading thread and leaves this thread only the writing.
     */
    void putAllNormalized(List<String> newKeys, float[] rowMajor) {
        putAll(newKeys, rowMajor, true);
    }

    private void putAll(List<String> newKeys, float[] rowMajor, boolean normalized) {
        if ((long) newKeys.size() * dim != rowMajor.length) {
            throw new ScoringException("Expected " + newKeys.size() + " rows of " + dim + " values but got "
                    + rowMajor.length + " values.");
        }
        lock.writeLock().lock();
        try {
            ensureCapacity(size + newKeys.size());
            int blockRows = Math.min(WRITE_BLOCK_ROWS, newKeys.size());
            float[] block = normalized ? rowMajor : new float[blockRows * dim];
            int[] rows = new int[blockRows];
            for (int start = 0; start < newKeys.size(); start += blockRows) {
                int n = Math.min(blockRows, newKeys.size() - start);
                int from = normalized ? start * dim : 0;
                if (!normalized) {
                    System.arraycopy(rowMajor, start * dim, block, 0, n * dim);
                    for (int i = 0; i < n; i++) {
                        try {
                            Vectors.normalizeInPlace(block, i * dim, dim);
                        } catch (ScoringException e) {
                            writeBlock(newKeys.subList(start, start + i), block, 0, rows);
                            String key = newKeys.get(start + i);
                            throw new ScoringException("Row " + (start + i) + " (" + key + "): " + e.getMessage(), e);
                        }
                    }
                }
                writeBlock(newKeys.subList(start, start + n), block, from, rows);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Rows of one block of putAll (starting at {@code block[from]}): their rows found or appended, then
     * the values written column by column.
     */
    private void writeBlock(List<String> blockKeys, float[] block, int from, int[] rows) {
        int n = blockKeys.size();
        for (int i = 0; i < n; i++) {
            rows[i] = rowToPut(blockKeys.get(i));
        }
        for (int d = 0; d < dim; d++) {
            float[] column = columns[d];
            for (int i = 0, at = from + d; i < n; i++, at += dim) {
                column[rows[i]] = block[at];
            }
        }
    }

    /** Removes the speaker; the last row moves into its place. False if the key was not present. */
    public boolean remove(String key) {
        lock.writeLock().lock();
        try {
            int row = rowOf.remove(key);
            if (row < 0) {
                return false;
            }
            int last = --size;
            if (row != last) {
                for (float[] column : columns) {
                    column[row] = column[last];
                }
                keys[row] = keys[last];
                rowOf.put(keys[row], row);
            }
            keys[last] = null;
            for (float[] column : columns) {
                column[last] = 0f;
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A copy of the stored (normalised) voiceprint. */
    public float[] voiceprint(String key) {
        lock.readLock().lock();
        try {
            int r = rowFor(key);
            float[] m = new float[dim];
            for (int d = 0; d < dim; d++) {
                m[d] = columns[d][r];
            }
            return m;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Cosine score of the probe against one stored speaker (verification, 1:1). */
    public float score(String key, float[] probe) {
        requireDim(probe, "probe");
        float[] q = Vectors.normalize(probe);
        lock.readLock().lock();
        try {
            int r = rowFor(key);
            float s = 0f;
            for (int d = 0; d < dim; d++) {
                s += columns[d][r] * q[d];
            }
            return s;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The k best speakers for the probe, best first (fewer if the index holds fewer). */
    public List<Candidate> topK(float[] probe, int k) {
        return topK(probe, k, null);
    }

    /** As {@link #topK(float[], int)} but never returning excludedKey (for cohorts that exclude the claimed speaker). */
    public List<Candidate> topK(float[] probe, int k, String excludedKey) {
        if (k < 0) {
            throw new ScoringException("The number of candidates cannot be negative (" + k + ").");
        }
        requireDim(probe, "probe");
        float[] q = Vectors.normalize(probe);
        lock.readLock().lock();
        try {
            int skip = excludedKey == null ? -1 : rowOf.get(excludedKey);
            int kk = Math.min(k, size - (skip >= 0 ? 1 : 0));
            if (kk <= 0) {
                return List.of();
            }
            int parts = (long) size * dim < PARALLEL_MIN_FLOATS ? 1 : ScanPool.PARTS;
            if (parts == 1) {
                TopK heap = new TopK(kk, keys);
                scan(q, 0, size, skip, heap);
                return heap.drainRanked();
            }
            return parallelTopK(q, kk, skip, parts);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Open-set identification: the best speaker if its score reaches the threshold, else nobody. */
    public Optional<Candidate> identify(float[] probe, double threshold) {
        List<Candidate> best = topK(probe, 1);
        return best.isEmpty() || best.get(0).score() < threshold ? Optional.empty() : Optional.of(best.get(0));
    }

    private List<Candidate> parallelTopK(float[] q, int k, int skip, int parts) {
        int per = (size + parts - 1) / parts;
        List<Future<TopK>> helpers = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = Math.min(size, p * per);
            int to = Math.min(size, from + per);
            helpers.add(ScanPool.get().submit(() -> {
                TopK h = new TopK(k, keys);
                scan(q, from, to, skip, h);
                return h;
            }));
        }
        TopK heap = new TopK(k, keys);
        scan(q, 0, Math.min(size, per), skip, heap);
        try {
            for (Future<TopK> f : helpers) {
                heap.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            helpers.forEach(f -> f.cancel(true));
            throw new IllegalStateException("Interrupted during a speaker search", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A speaker search part failed", e.getCause());
        }
        return heap.drainRanked();
    }

    /** Scores rows [from, to) chunk by chunk, then offers the chunk's scores to the heap. */
    private void scan(float[] q, int from, int to, int skip, TopK heap) {
        float[] scores = takeScratch(to);
        try {
            for (int start = from; start < to; start += CHUNK_ROWS) {
                int end = Math.min(to, start + CHUNK_ROWS);
                scoreChunk(q, start, end, scores);
                float floor = heap.floor();
                for (int i = start; i < end; i++) {
                    if (scores[i] >= floor && i != skip) {
                        heap.offer(i, scores[i]);
                        floor = heap.floor();
                    }
                }
            }
        } finally {
            scratch.offer(scores);
        }
    }

    /**
     * scores[i] = probe . row i for i in [start, end), four dimensions per pass to halve the
     * loads and stores of the running scores. The score array is indexed exactly like the columns
     * (same index, no offset): only then can the compiler prove the store to scores[i] never
     * overwrites a column value a later lane reads, and vectorise the loop.
     */
    private void scoreChunk(float[] q, int start, int end, float[] scores) {
        final float[][] c = columns;
        final float[] c0 = c[0];
        final float q0 = q[0];
        for (int i = start; i < end; i++) {
            scores[i] = q0 * c0[i];
        }
        int d = 1;
        for (; d + 4 <= dim; d += 4) {
            final float[] a = c[d];
            final float[] b = c[d + 1];
            final float[] e = c[d + 2];
            final float[] f = c[d + 3];
            final float qa = q[d];
            final float qb = q[d + 1];
            final float qe = q[d + 2];
            final float qf = q[d + 3];
            for (int i = start; i < end; i++) {
                scores[i] += (qa * a[i] + qb * b[i]) + (qe * e[i] + qf * f[i]);
            }
        }
        for (; d < dim; d++) {
            final float[] a = c[d];
            final float qa = q[d];
            for (int i = start; i < end; i++) {
                scores[i] += qa * a[i];
            }
        }
    }

    /** A score array at least `length` long (indexes match row numbers, see {@link #scoreChunk}). */
    private float[] takeScratch(int length) {
        float[] s = scratch.poll();
        return s != null && s.length >= length ? s : new float[Math.max(length, keys.length)];
    }

    private void writeRow(int r, float[] unit) {
        for (int d = 0; d < dim; d++) {
            columns[d][r] = unit[d];
        }
    }

    private int rowFor(String key) {
        int r = rowOf.get(key);
        if (r < 0) {
            throw new ScoringException("No speaker '" + key + "' is in the index.");
        }
        return r;
    }

    private void requireDim(float[] v, String what) {
        if (v == null || v.length != dim) {
            throw new ScoringException("The " + what + " has " + (v == null ? 0 : v.length)
                    + " values but this index holds " + dim + "-value voiceprints from another model.");
        }
    }

    private static int maxRows() {
        return Integer.MAX_VALUE - 8;
    }

    private void ensureCapacity(int needed) {
        if (needed <= keys.length) {
            return;
        }
        if (needed > maxRows()) {
            throw new ScoringException("The index is full: at most " + maxRows() + " speakers fit in one index.");
        }
        resize((int) Math.min(maxRows(), Math.max(needed, keys.length + (keys.length >> 1) + 1L)));
    }

    private void resize(int capacity) {
        for (int d = 0; d < dim; d++) {
            columns[d] = java.util.Arrays.copyOf(columns[d], capacity);
        }
        scratch.clear();
        keys = java.util.Arrays.copyOf(keys, capacity);
    }
}
