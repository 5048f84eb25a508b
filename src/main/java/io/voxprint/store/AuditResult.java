package io.voxprint.store;

/**
 * How a decision came out. A verification is accepted or rejected; an identification names the
 * speaker it found ({@link AuditEntry#identifiedName()}) or finds no enrolled speaker.
 */
public enum AuditResult {
    ACCEPTED(AuditKind.VERIFY, "accepted"),
    REJECTED(AuditKind.VERIFY, "rejected"),
    /** Stored as the identified speaker's name, as the first schema did. */
    IDENTIFIED(AuditKind.IDENTIFY, null),
    NO_MATCH(AuditKind.IDENTIFY, "no enrolled speaker"),
    /** A wrong key, or a stored value that does not belong where it was read; the sentence is the entry's source. */
    REFUSED(AuditKind.PROTECTION, "refused");

    private final AuditKind kind;
    private final String text;

    AuditResult(AuditKind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    public AuditKind kind() {
        return kind;
    }

    /** The stored word; null for {@link #IDENTIFIED}, whose stored text is the speaker's name. */
    String fixedText() {
        return text;
    }

    /**
     * Reads a stored result of a decision of {@code kind}; null when the text cannot be one. Every
     * identification text other than "no enrolled speaker" names the identified speaker (so a
     * speaker named exactly that reads back as no match: the stored form has always been so).
     */
    public static AuditResult ofText(AuditKind kind, String text) {
        if (text == null || kind == null) {
            return null;
        }
        for (AuditResult r : values()) {
            if (r.kind == kind && text.equals(r.text)) {
                return r;
            }
        }
        return kind == AuditKind.IDENTIFY ? IDENTIFIED : null;
    }
}
