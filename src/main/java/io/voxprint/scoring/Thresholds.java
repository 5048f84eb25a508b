package io.voxprint.scoring;

/** Decision thresholds used until the user calibrates on their own recordings (docs/scoring.md). */
public final class Thresholds {

    /**
     * Accept a claim when the cosine score is at least this. A deliberately cautious starting
     * value for ECAPA-family embeddings (published equal-error thresholds on VoxCeleb lie around
     * 0.25 to 0.35); it is not measured on the user's microphones and should be replaced by a
     * calibrated one ({@link LogisticCalibration#eerThreshold()} or a chosen false accept rate).
     */
    public static final double DEFAULT_COSINE = 0.35;

    private Thresholds() {
    }
}
