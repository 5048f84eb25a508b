package io.voxprint.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link SpeakerIndex} from many speakers' embeddings as a store reads them: each speaker's
 * voiceprint is made in a reused block (the same values, to the last bit, as
 * {@code put(key, Vectors.normalizedMean(embeddings))}) and every few hundred speakers the block goes
 * into the index through {@link SpeakerIndex#putAll}, so a load makes no array per speaker and
 * writes the index's columns in runs.
 */
public final class SpeakerIndexLoad {

    private final int dim;
    private final SpeakerIndex index;
    private final List<String> keys = new ArrayList<>(SpeakerIndex.WRITE_BLOCK_ROWS);
    private final float[] block;
    private final double[] sum;
    private final float[] mean;

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
        System.arraycopy(mean, 0, block, keys.size() * dim, dim);
        keys.add(key);
        if (keys.size() == SpeakerIndex.WRITE_BLOCK_ROWS) {
            flush();
        }
    }

    /** The index of every speaker added, in the order added, with the room reserved beyond them given back. */
    public SpeakerIndex finish() {
        flush();
        index.trimToSize();
        return index;
    }

    private void flush() {
        if (!keys.isEmpty()) {
            // putAll normalises the voiceprint once more, as put does with the mean it is given
            index.putAll(keys, keys.size() * dim == block.length ? block : java.util.Arrays.copyOf(block, keys.size() * dim));
            keys.clear();
        }
    }
}
