package io.voxprint.store;

/** What was decided: a claimed identity checked (verify) or an unknown voice searched for (identify). */
public enum AuditKind {
    VERIFY("verify"),
    IDENTIFY("identify"),
    /** A protected database refused a key or a stored value (docs/privacy.md). */
    PROTECTION("protection");

    private final String text;

    AuditKind(String text) {
        this.text = text;
    }

    /** The word stored in the database and printed by {@code voxprint audit}. */
    public String text() {
        return text;
    }

    /** The kind stored as {@code text}, or null when no kind is stored that way. */
    public static AuditKind ofText(String text) {
        for (AuditKind k : values()) {
            if (k.text.equals(text)) {
                return k;
            }
        }
        return null;
    }
}
