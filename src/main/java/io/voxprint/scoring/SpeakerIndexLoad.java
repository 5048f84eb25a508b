package io.voxprint.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Builds a {@link SpeakerIndex} from many speakers' embeddings as a store reads them: each speaker's
 * voiceprint is made in a reused block (the same values, to the last bit, as
 * {@code put(key, Vectors.normalizedMean(embeddings))}) and every few hundred speakers the block goes
 * into the index through {@link SpeakerIndex#putAllNormalized}, so a load makes no array per speaker
 * and writes the index's columns in runs.
 *
 * <p>A full block is written into the index by a thread of the {@link ScanPool} while the caller
 * goes on reading into the other block: writing the columns was more than half of a million-speaker
 * load's time on the reading thread, and the reading (the database driver, decoding) is the rest. The
 * arithmetic stays on the reading thread, which waited for the writing one when it did both.
 * Only one block is in flight, so the index receives the blocks in order, and the speakers keep the
 * order they were added in.
 */
public final class SpeakerIndexLoad {

    private final int dim;
    private final SpeakerIndex index;
    private List<String> keys = new ArrayList<>(SpeakerIndex.WRITE_BLOCK_ROWS);
    private float[] block;
    private float[] spare;
    private final double[] sum;
    private final float[] mean;
    private Future<?> writing;

    /** expectedSize reserves the index's room up front (see {@link SpeakerIndex#SpeakerIndex(int, int)}). */
    public SpeakerIndexLoad(int dim, int expectedSize) {
        this.index = new SpeakerIndex(dim, expectedSize);
        this.dim = dim;
        this.block = new float[SpeakerIndex.WRITE_BLOCK_ROWS * dim];
        this.sum = new double[dim];
        this.mean = new float[dim];
    }

    /**
     * The speaker whose {@code count} embeddings ({@code dimension} values each) lie one after another
     * at the start of {@code values}; {@code values} is only read.
     */
    public void add(String key, float[] values, int count, int dimension) {
        if (key == null) {
            throw new ScoringException("A speaker needs a key to be stored in the index.");
        }
        if (dimension != dim) {
            throw new ScoringException("The voiceprint has " + dimension
                    + " values but this index holds " + dim + "-value voiceprints from another model.");
        }
        if (count < 0 || (long) count * dim > values.length) {
            throw new ScoringException("Expected " + count + " embeddings of " + dim + " values but got "
                    + values.length + " values.");
        }
        Vectors.normalizedMeanInto(values, count, dim, sum, mean);
        // and once more, as put does with the voiceprint it is given, here rather than on the writing thread
        Vectors.normalizeInPlace(mean, 0, dim);
        System.arraycopy(mean, 0, block, keys.size() * dim, dim);
        keys.add(key);
        if (keys.size() == SpeakerIndex.WRITE_BLOCK_ROWS) {
            awaitWriting();
            List<String> fullKeys = keys;
            float[] full = block;
            writing = ScanPool.get().submit(() -> index.putAllNormalized(fullKeys, full));
            keys = new ArrayList<>(SpeakerIndex.WRITE_BLOCK_ROWS);
            block = spare != null ? spare : new float[block.length];
            spare = full; // free again once the write above has been awaited
        }
    }

    /** The index of every speaker added, in the order added, with the room reserved beyond them given back. */
    public SpeakerIndex finish() {
        awaitWriting();
        if (!keys.isEmpty()) {
            index.putAllNormalized(keys, keys.size() * dim == block.length ? block : java.util.Arrays.copyOf(block, keys.size() * dim));
            keys = new ArrayList<>(0);
        }
        index.trimToSize();
        return index;
    }

    private void awaitWriting() {
        if (writing == null) {
            return;
        }
        Future<?> w = writing;
        writing = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    w.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true; // the block is being written into the index: it must end before anything goes on
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
