package io.voxprint.crypto;

/** What a sealed value is; part of its associated data, so a photo cannot be read back as an embedding. */
public enum RecordKind {
    EMBEDDING("embedding"), PHOTO("photo"), KEPT_AUDIO("kept audio"), CACHED_EMBEDDING("cached embedding");

    private final String words;

    RecordKind(String words) {
        this.words = words;
    }

    /** How a sentence names it. */
    public String words() {
        return words;
    }
}
