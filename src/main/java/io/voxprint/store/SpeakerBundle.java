package io.voxprint.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A speaker with everything the archive carries (no kept audio), as moved between store and archive. */
record SpeakerBundle(String name, Instant created, String notes, byte[] photo, List<Take> enrollments) {

    /** One enrollment's metadata and its embeddings, keyed by model sha256 in insertion order. */
    record Take(String sourceName, double seconds, double netSpeechSeconds, double clippingRatio, double snrDb,
            Instant created, Map<String, float[]> embeddings) {
    }
}
