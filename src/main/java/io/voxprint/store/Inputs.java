package io.voxprint.store;

import io.voxprint.store.StoreException.Kind;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks on caller input, each failing with one sentence before anything is written, and the
 * naming rules every engine applies the same way (stored form of a name, the key names clash on).
 */
public final class Inputs {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_NOTES_LENGTH = 10_000;
    static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    static final int MAX_EMBEDDING_DIMENSION = 65_536;
    static final int MAX_KEPT_SAMPLES = 16_000 * 60 * 10;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Inputs() {
    }

    /** The stored form of a display name: trimmed, NFC. */
    public static String name(String raw) {
        if (raw == null || raw.strip().isEmpty()) {
            throw invalid("A speaker name must not be empty.");
        }
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw invalid("The speaker name '" + name.substring(0, 20) + "...' is longer than " + MAX_NAME_LENGTH
                    + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("The speaker name '" + name.replaceAll("\\p{Cntrl}", "?")
                    + "' contains control characters.");
        }
        return name;
    }

    /** The key two names clash on: case-insensitive in any script. */
    public static String nameKey(String storedName) {
        return storedName.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    public static String notes(String notes) {
        String n = notes == null ? "" : notes;
        if (n.length() > MAX_NOTES_LENGTH) {
            throw invalid("The notes are longer than " + MAX_NOTES_LENGTH + " characters.");
        }
        return n;
    }

    public static String modelSha256(String sha) {
        if (sha == null || !SHA256.matcher(sha).matches()) {
            throw invalid("The model fingerprint '" + sha + "' is not a lowercase hexadecimal sha256.");
        }
        return sha;
    }

    public static byte[] photo(byte[] photo) {
        if (photo == null) {
            return null;
        }
        if (photo.length > MAX_PHOTO_BYTES) {
            throw invalid("The photo is larger than " + MAX_PHOTO_BYTES / (1024 * 1024) + " MB.");
        }
        boolean png = photo.length > 8 && (photo[0] & 0xff) == 0x89 && photo[1] == 'P' && photo[2] == 'N'
                && photo[3] == 'G';
        boolean jpeg = photo.length > 3 && (photo[0] & 0xff) == 0xFF && (photo[1] & 0xff) == 0xD8
                && (photo[2] & 0xff) == 0xFF;
        if (!png && !jpeg) {
            throw invalid("The photo is neither a PNG nor a JPEG image.");
        }
        return photo;
    }

    public static float[] embedding(float[] embedding, String what) {
        if (embedding == null || embedding.length == 0) {
            throw invalid("The embedding of " + what + " is empty.");
        }
        if (embedding.length > MAX_EMBEDDING_DIMENSION) {
            throw invalid("The embedding of " + what + " has " + embedding.length + " values, more than "
                    + MAX_EMBEDDING_DIMENSION + ".");
        }
        if (!Floats.allFinite(embedding)) {
            throw invalid("The embedding of " + what + " contains a value that is not a finite number.");
        }
        return embedding;
    }

    public static void enrollment(NewEnrollment take, int index) {
        if (take == null) {
            throw invalid("Take " + (index + 1) + " of the enrollment is missing.");
        }
        if (take.sourceName() == null || take.sourceName().isBlank()) {
            throw invalid("Take " + (index + 1) + " of the enrollment has no source name.");
        }
        String what = "take " + (index + 1) + " ('" + take.sourceName() + "')";
        figures(take.seconds(), take.netSpeechSeconds(), take.clippingRatio(), take.snrDb(), what);
        embedding(take.embedding(), what);
        modelSha256(take.modelSha256());
        if (take.keptAudio() != null) {
            keptAudio(take.keptAudio(), what);
        }
    }

    /** Checks one recording's facts as stored (the figures an enrollment's take carries, and a time). */
    public static EnrollmentDetails details(EnrollmentDetails details) {
        if (details == null || details.sourceName() == null || details.sourceName().isBlank()) {
            throw invalid("A recording to enroll has no source name.");
        }
        if (details.created() == null) {
            throw invalid("The recording '" + details.sourceName() + "' has no time.");
        }
        figures(details.seconds(), details.netSpeechSeconds(), details.clippingRatio(), details.snrDb(),
                "'" + details.sourceName() + "'");
        return details;
    }

    public static float[] keptAudio(float[] samples, String what) {
        if (samples == null || samples.length == 0 || samples.length > MAX_KEPT_SAMPLES) {
            throw invalid("The kept audio of " + what + " must hold between 1 sample and 10 minutes.");
        }
        return samples;
    }

    private static void figures(double seconds, double netSpeechSeconds, double clippingRatio, double snrDb, String what) {
        requireFiniteNonNegative(seconds, "duration", what);
        requireFiniteNonNegative(netSpeechSeconds, "net speech duration", what);
        if (!(clippingRatio >= 0 && clippingRatio <= 1)) {
            throw invalid("The clipping ratio of " + what + " is not between 0 and 1.");
        }
        if (Double.isNaN(snrDb)) {
            throw invalid("The signal-to-noise ratio of " + what + " is not a number.");
        }
    }

    private static void requireFiniteNonNegative(double value, String label, String what) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw invalid("The " + label + " of " + what + " is not a non-negative number.");
        }
    }

    /** Checks an audit entry before it is written: its kind and result agree, and it names its model. */
    public static AuditEntry auditEntry(AuditEntry entry) {
        if (entry == null || entry.time() == null) {
            throw invalid("An audit entry needs a time.");
        }
        if (entry.kind() == null || entry.result() == null || entry.result().kind() != entry.kind()) {
            throw invalid("An audit entry's result must be one of its kind ("
                    + (entry.kind() == null ? "none" : entry.kind().text()) + ").");
        }
        boolean identified = entry.result() == AuditResult.IDENTIFIED;
        String name = identified ? entry.identifiedName() : entry.claimedName();
        if ((entry.kind() == AuditKind.VERIFY || identified) && (name == null || name.isBlank())) {
            throw invalid("An audit entry of a " + entry.kind().text() + " result needs the speaker's name.");
        }
        modelSha256(entry.modelSha256());
        return entry;
    }

    /**
     * {@code base} when it is free, else the first free "base (2)", "base (3)"...: how a name that
     * clashes is renamed, on import and when an upgrade makes older names clash.
     */
    public static String firstFreeName(String base, Predicate<String> taken) {
        String name = base;
        for (int n = 2; taken.test(name); n++) {
            name = base + " (" + n + ")";
        }
        return name;
    }

    public static StoreException invalid(String sentence) {
        return new StoreException(Kind.INVALID_INPUT, sentence);
    }

    public static StoreException unknownSpeaker(String name) {
        return new StoreException(Kind.UNKNOWN_SPEAKER, "There is no speaker named '" + name + "'.");
    }

    public static StoreException duplicateName(String name, String existing) {
        return new StoreException(Kind.DUPLICATE_NAME, "A speaker named '" + existing + "' already exists"
                + (existing.equals(name) ? "" : " (names ignore case, so it clashes with '" + name + "')")
                + ".");
    }
}
