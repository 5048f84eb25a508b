package io.voxprint.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Normalised speaker models in one contiguous row-major float[] (row i holds the model of
 * keys[i]), so a 1:N search is one sequential pass over memory. Adding appends a row, replacing
 * overwrites it, removing moves the last row into the hole (swap-remove): no change rebuilds the
 * rest. Searches may run from several threads at once; changes wait for running searches.
 */
public final class SpeakerIndex {

    /** Below this many floats (4 MB) one thread scans faster than the hand-off to the pool costs. */
    static final long PARALLEL_MIN_FLOATS = 1L << 20;
    /** Rows scored into a scratch buffer before their heap updates, to keep the kernel loop tight. */
    private static final int BLOCK_ROWS = 256;
    /**
     * Up to this size the rows sit in the processor's caches and arithmetic limits the scan, so four
     * rows share each probe load (measured 25 % faster at 10k x 192); beyond it memory limits the
     * scan and one sequential stream per thread reads faster (10 % at 1M x 192).
     */
    static final long CACHE_RESIDENT_BYTES = 8L << 20;

    private final int dim;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> rowOf = new HashMap<>();
    private float[] rows;
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
        this.rows = new float[capacity * dim];
        this.keys = new String[capacity];
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
            return rowOf.containsKey(key);
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

    /** Adds the speaker, or replaces its model if the key is already present; the model is normalised here. */
    public void put(String key, float[] model) {
        if (key == null) {
            throw new ScoringException("A speaker needs a key to be stored in the index.");
        }
        requireDim(model, "model");
        float[] unit = Vectors.normalize(model);
        lock.writeLock().lock();
        try {
            Integer row = rowOf.get(key);
            int r;
            if (row != null) {
                r = row;
            } else {
                ensureCapacity(size + 1);
                r = size++;
                keys[r] = key;
                rowOf.put(key, r);
            }
            System.arraycopy(unit, 0, rows, r * dim, dim);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Appends many rows at once from a row-major array (for cohorts and bulk loads): rows[i*dim..)
     * goes under keys[i]. Existing keys are replaced.
     */
    public void putAll(List<String> newKeys, float[] rowMajor) {
        if ((long) newKeys.size() * dim != rowMajor.length) {
            throw new ScoringException("Expected " + newKeys.size() + " rows of " + dim + " values but got "
                    + rowMajor.length + " values.");
        }
        lock.writeLock().lock();
        try {
            ensureCapacity(size + newKeys.size());
            for (int i = 0; i < newKeys.size(); i++) {
                String key = newKeys.get(i);
                Integer row = rowOf.get(key);
                int r;
                if (row != null) {
                    r = row;
                } else {
                    r = size;
                    keys[r] = key;
                }
                System.arraycopy(rowMajor, i * dim, rows, r * dim, dim);
                try {
                    Vectors.normalizeInPlace(rows, r * dim, dim);
                } catch (ScoringException e) {
                    if (row == null) {
                        keys[r] = null;
                    }
                    throw new ScoringException("Row " + i + " (" + key + "): " + e.getMessage(), e);
                }
                if (row == null) {
                    rowOf.put(key, r);
                    size++;
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the speaker; the last row moves into its place. False if the key was not present. */
    public boolean remove(String key) {
        lock.writeLock().lock();
        try {
            Integer row = rowOf.remove(key);
            if (row == null) {
                return false;
            }
            int last = --size;
            if (row != last) {
                System.arraycopy(rows, last * dim, rows, row * dim, dim);
                keys[row] = keys[last];
                rowOf.put(keys[row], row);
            }
            keys[last] = null;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A copy of the stored (normalised) model. */
    public float[] model(String key) {
        lock.readLock().lock();
        try {
            int r = rowFor(key);
            float[] m = new float[dim];
            System.arraycopy(rows, r * dim, m, 0, dim);
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
            return Vectors.dot(rows, rowFor(key) * dim, q, 0, dim);
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
            Integer excluded = excludedKey == null ? null : rowOf.get(excludedKey);
            int skip = excluded == null ? -1 : excluded;
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

    /** Scores rows [from, to) block by block, then offers the block's scores to the heap. */
    private void scan(float[] q, int from, int to, int skip, TopK heap) {
        float[] block = new float[BLOCK_ROWS];
        final float[] m = rows;
        final int d = dim;
        final boolean fourRows = (long) size * d * Float.BYTES <= CACHE_RESIDENT_BYTES;
        for (int start = from; start < to; start += BLOCK_ROWS) {
            int n = Math.min(BLOCK_ROWS, to - start);
            int off = start * d;
            int i = 0;
            if (fourRows) {
                for (; i + 4 <= n; i += 4, off += 4 * d) {
                    Vectors.dot4(m, off, q, d, block, i);
                }
            }
            for (; i < n; i++, off += d) {
                block[i] = Vectors.dot(m, off, q, 0, d);
            }
            float floor = heap.floor();
            for (int b = 0; b < n; b++) {
                if (block[b] >= floor && start + b != skip) {
                    heap.offer(start + b, block[b]);
                    floor = heap.floor();
                }
            }
        }
    }

    private int rowFor(String key) {
        Integer r = rowOf.get(key);
        if (r == null) {
            throw new ScoringException("No speaker '" + key + "' is in the index.");
        }
        return r;
    }

    private void requireDim(float[] v, String what) {
        if (v == null || v.length != dim) {
            throw new ScoringException("The " + what + " has " + (v == null ? 0 : v.length)
                    + " values but this index holds " + dim + "-value models from another model.");
        }
    }

    private int maxRows() {
        return (Integer.MAX_VALUE - 8) / dim;
    }

    private void ensureCapacity(int needed) {
        if (needed <= keys.length) {
            return;
        }
        if (needed > maxRows()) {
            throw new ScoringException("The index is full: at most " + maxRows() + " speakers of "
                    + dim + " values fit in one index.");
        }
        int capacity = (int) Math.min(maxRows(), Math.max(needed, keys.length + (keys.length >> 1) + 1L));
        rows = java.util.Arrays.copyOf(rows, capacity * dim);
        keys = java.util.Arrays.copyOf(keys, capacity);
    }
}
