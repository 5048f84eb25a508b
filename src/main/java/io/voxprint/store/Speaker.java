package io.voxprint.store;

import java.time.Instant;

/** An enrolled person as stored; {@code enrollmentCount} counts recordings, not embeddings. */
public record Speaker(long id, String name, Instant created, String notes, boolean hasPhoto, int enrollmentCount) {
}
