package io.voxprint.store;

import java.util.List;

/** All embeddings of one speaker made by one model, ready for scoring. */
public record SpeakerEmbeddings(long speakerId, String speakerName, List<float[]> embeddings) {
}
