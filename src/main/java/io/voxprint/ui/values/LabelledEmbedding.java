package io.voxprint.ui.values;

/** An enrolment embedding with the speaker it belongs to, for the speaker map. */
public record LabelledEmbedding(String speakerName, float[] embedding) {
}
