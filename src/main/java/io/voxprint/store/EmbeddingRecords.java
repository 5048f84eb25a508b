package io.voxprint.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The embeddings of enrollments. An enrollment holds at most one embedding per model (re-embedding
 * kept audio after a model change adds one of the new model); one model makes vectors of one size,
 * so a vector of another size for a known model is refused with {@link StoreException.Kind#MODEL_MISMATCH}.
 */
public interface EmbeddingRecords {

    /** Stores the enrollment's embedding of this model, replacing an earlier one of the same model. */
    void put(long enrollmentId, String modelSha256, float[] embedding);

    /** Every speaker with at least one embedding of this model, by name, with those embeddings. */
    List<SpeakerEmbeddings> ofModel(String modelSha256);

    /**
     * The same speakers as {@link #ofModel}, in the same order, handed over one at a time as they are
     * read: loading a large catalogue never holds every speaker's embeddings at once, and an engine
     * may read them in bulk.
     */
    default void eachOfModel(String modelSha256, Consumer<SpeakerEmbeddings> each) {
        ofModel(modelSha256).forEach(each);
    }

    /**
     * The same speakers as {@link #eachOfModel}, in the same order, with their embeddings packed into
     * one reused array per call (see {@link PackedEmbeddings}): the way to build a large index.
     */
    default void packedOfModel(String modelSha256, PackedEmbeddings sink) {
        List<SpeakerEmbeddings> all = ofModel(modelSha256);
        sink.expect(all.size());
        for (SpeakerEmbeddings s : all) {
            List<float[]> embeddings = s.embeddings();
            int dimension = embeddings.isEmpty() ? 0 : embeddings.get(0).length;
            float[] values = new float[embeddings.size() * dimension];
            for (int i = 0; i < embeddings.size(); i++) {
                System.arraycopy(embeddings.get(i), 0, values, i * dimension, dimension);
            }
            sink.speaker(s.speakerName(), values, embeddings.size(), dimension);
        }
    }

    /**
     * One speaker's embeddings of this model (empty when the speaker is unknown or has none), so that
     * keeping an in-memory index current after an enrollment does not read every other speaker.
     */
    Optional<SpeakerEmbeddings> ofSpeaker(String speakerName, String modelSha256);

    /** Every embedding of every model of the speaker's enrollments, by enrollment and then as stored. */
    List<StoredEmbedding> allOfSpeaker(String speakerName);

    /** Names of speakers without any embedding of this model (they cannot be scored with it). */
    List<String> speakersWithout(String modelSha256);

    /** How many embeddings are stored, of every model. */
    long count();
}
