package io.voxprint.store;

import java.time.Instant;

/**
 * One verification or identification as it was decided. {@code kind} is "verify" or "identify";
 * {@code claimedName} is null for identification.
 */
public record AuditEntry(Instant time, String kind, String claimedName, String result, double score,
        double threshold, String modelSha256, String source) {
}
