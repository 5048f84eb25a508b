package io.voxprint.store;

/**
 * One recording to enroll: its quality figures, its embedding (and the sha256 of the model that made
 * it) and, only when the user chose to keep it, its audio as 16 kHz mono float samples.
 */
public record NewEnrollment(String sourceName, double seconds, double netSpeechSeconds, double clippingRatio,
        double snrDb, float[] embedding, String modelSha256, float[] keptAudio) {
}
