package io.voxprint.store;

import java.time.Instant;

/** What is stored about one recording besides its embeddings: its source, quality figures and time. */
public record EnrollmentDetails(String sourceName, double seconds, double netSpeechSeconds, double clippingRatio,
        double snrDb, Instant created) {
}
