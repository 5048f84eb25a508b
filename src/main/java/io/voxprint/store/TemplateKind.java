package io.voxprint.store;

/** The stored values that are biometric templates (or hold one): what a {@link TemplateCodec} encodes. */
public enum TemplateKind {
    EMBEDDING, PHOTO, KEPT_AUDIO, CACHED_EMBEDDING
}
