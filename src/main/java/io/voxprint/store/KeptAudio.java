package io.voxprint.store;

/** The audio kept with one enrollment: 16 kHz mono float samples, for re-embedding with a new model. */
public record KeptAudio(long enrollmentId, String sourceName, float[] samples) {

    public static final int SAMPLE_RATE = 16_000;
}
