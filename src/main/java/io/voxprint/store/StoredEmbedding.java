package io.voxprint.store;

/** One stored embedding with the enrollment it belongs to and the model that made it. */
public record StoredEmbedding(long enrollmentId, String modelSha256, float[] vector) {
}
