package io.voxprint.scoring;

/** One ranked answer of an identification: the speaker's key and its cosine score. */
public record Candidate(String key, float score) {
}
