package io.voxprint.store;

/**
 * One stored recording of a speaker. {@code modelSha256} names the model of its first embedding;
 * an enrollment re-embedded after a model change holds more than one (see
 * {@link VoiceprintStore#embeddingModels(long)}).
 */
public record Enrollment(long id, long speakerId, String sourceName, double seconds, double netSpeechSeconds,
        double clippingRatio, double snrDb, java.time.Instant created, String modelSha256, boolean hasAudio) {
}
