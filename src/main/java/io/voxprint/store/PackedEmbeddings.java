package io.voxprint.store;

/**
 * Receives a model's speakers one at a time as they are read, each speaker's embeddings packed one
 * after another in a float array the reader reuses: loading a million speakers then makes no array
 * per embedding and no list per speaker (see {@link EmbeddingRecords#packedOfModel}).
 */
public interface PackedEmbeddings {

    /**
     * Called once, before the first speaker, with how many speakers are expected (a hint: the number
     * of speakers in the store, of which those with no embedding of the model will not follow), so
     * that the receiver can reserve room once instead of growing.
     */
    default void expect(int speakers) {
    }

    /**
     * One speaker: embedding i (of {@code count}) is {@code values[i * dimension .. (i + 1) * dimension)},
     * in enrollment order. {@code values} is valid only during this call and must not be changed.
     */
    void speaker(String name, float[] values, int count, int dimension);
}
