package io.voxprint.ui.values;

/** One enrolled speaker with the score the probe got against them. */
public record RankedCandidate(String speakerId, String name, double score) {
}
