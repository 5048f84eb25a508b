package io.voxprint.store;

import java.time.Instant;

/**
 * One verification or identification as it was decided. {@code claimedName} is the name a
 * verification checked (null for identification); {@code identifiedName} the speaker an
 * identification found (null otherwise). {@code score} and {@code threshold} may be NaN.
 */
public record AuditEntry(Instant time, AuditKind kind, String claimedName, AuditResult result, String identifiedName,
        double score, double threshold, String modelSha256, String source) {

    public static AuditEntry verification(Instant time, String claimedName, boolean accepted, double score,
            double threshold, String modelSha256, String source) {
        return new AuditEntry(time, AuditKind.VERIFY, claimedName, accepted ? AuditResult.ACCEPTED : AuditResult.REJECTED,
                null, score, threshold, modelSha256, source);
    }

    /** {@code identifiedNameOrNull}: the speaker found, or null when no enrolled speaker was close enough. */
    public static AuditEntry identification(Instant time, String identifiedNameOrNull, double score, double threshold,
            String modelSha256, String source) {
        return new AuditEntry(time, AuditKind.IDENTIFY, null,
                identifiedNameOrNull == null ? AuditResult.NO_MATCH : AuditResult.IDENTIFIED, identifiedNameOrNull,
                score, threshold, modelSha256, source);
    }

    /** No model is involved in a refusal: the column that must hold one holds zeros. */
    public static final String NO_MODEL = "0".repeat(64);

    /** A protected database refused a key or a stored value; {@code sentence} says which and why. */
    public static AuditEntry refusal(Instant time, String sentence) {
        return new AuditEntry(time, AuditKind.PROTECTION, null, AuditResult.REFUSED, null, Double.NaN, Double.NaN, NO_MODEL,
                sentence);
    }

    /** The result as stored and printed: "accepted", "rejected", the identified name, or "no enrolled speaker". */
    public String resultText() {
        return result == AuditResult.IDENTIFIED ? identifiedName : result.fixedText();
    }

    /**
     * An entry as an engine read it back from its stored words; null when the words cannot be an
     * entry (the engine reports its records as damaged then).
     */
    public static AuditEntry fromStored(Instant time, String kindText, String claimedName, String resultText,
            double score, double threshold, String modelSha256, String source) {
        AuditKind kind = AuditKind.ofText(kindText);
        AuditResult result = AuditResult.ofText(kind, resultText);
        if (result == null) {
            return null;
        }
        return new AuditEntry(time, kind, claimedName, result, result == AuditResult.IDENTIFIED ? resultText : null,
                score, threshold, modelSha256, source);
    }
}
