package io.voxprint.store;

import java.time.Instant;

/**
 * One stored recording of a speaker. {@code modelSha256} names the model of its first embedding;
 * an enrollment re-embedded after a model change also holds embeddings of later models (see
 * {@link EmbeddingRecords#put(long, String, float[])}).
 */
public record Enrollment(long id, long speakerId, String sourceName, double seconds, double netSpeechSeconds,
        double clippingRatio, double snrDb, Instant created, String modelSha256, boolean hasAudio) {
}
