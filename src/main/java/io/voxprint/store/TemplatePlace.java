package io.voxprint.store;

/**
 * Where a template value is stored, as the engine knows it at the moment it writes or reads the row:
 * what a sealing codec binds the value to, so that a value moved elsewhere no longer opens.
 *
 * @param speakerId    owning speaker (0 for a cached embedding, which belongs to no speaker)
 * @param enrollmentId owning enrollment (0 for a photo or a cached embedding)
 * @param key          the model's sha256 for an embedding; audio sha256 + "/" + model sha256 for a
 *                     cached embedding; "" for photos and kept audio
 */
public record TemplatePlace(TemplateKind kind, long speakerId, long enrollmentId, String key) {

    public static TemplatePlace embedding(long speakerId, long enrollmentId, String modelSha256) {
        return new TemplatePlace(TemplateKind.EMBEDDING, speakerId, enrollmentId, modelSha256);
    }

    public static TemplatePlace photo(long speakerId) {
        return new TemplatePlace(TemplateKind.PHOTO, speakerId, 0, "");
    }

    public static TemplatePlace keptAudio(long speakerId, long enrollmentId) {
        return new TemplatePlace(TemplateKind.KEPT_AUDIO, speakerId, enrollmentId, "");
    }

    public static TemplatePlace cachedEmbedding(String audioSha256, String modelSha256) {
        return new TemplatePlace(TemplateKind.CACHED_EMBEDDING, 0, 0, audioSha256 + "/" + modelSha256);
    }
}
