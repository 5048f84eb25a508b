package io.voxprint.store;

import java.util.Optional;

/**
 * Embeddings of audio seen before, keyed by (sha256 of the samples, sha256 of the model), so the
 * same recording is never embedded twice by the same model. Bounded: beyond
 * {@value #MAX_ENTRIES} entries the oldest tenth is dropped.
 */
public interface EmbeddingCache {

    int MAX_ENTRIES = 50_000;

    Optional<float[]> get(String audioSha256, String modelSha256);

    void put(String audioSha256, String modelSha256, float[] embedding);

    /** Forgets every entry (after a re-keying: cheaper to refill than to re-seal). */
    void clear();
}
