package io.voxprint.store;

import io.voxprint.store.StoreException.Kind;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks on caller input, each failing with one sentence before anything is written. */
final class Inputs {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_NOTES_LENGTH = 10_000;
    static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    static final int MAX_EMBEDDING_DIMENSION = 65_536;
    static final int MAX_KEPT_SAMPLES = 16_000 * 60 * 10;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Inputs() {
    }

    /** The stored form of a display name: trimmed, NFC. */
    static String name(String raw) {
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
    static String nameKey(String storedName) {
        return storedName.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    static String notes(String notes) {
        String n = notes == null ? "" : notes;
        if (n.length() > MAX_NOTES_LENGTH) {
            throw invalid("The notes are longer than " + MAX_NOTES_LENGTH + " characters.");
        }
        return n;
    }

    static String modelSha256(String sha) {
        if (sha == null || !SHA256.matcher(sha).matches()) {
            throw invalid("The model fingerprint '" + sha + "' is not a lowercase hexadecimal sha256.");
        }
        return sha;
    }

    static byte[] photo(byte[] photo) {
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

    static float[] embedding(float[] embedding, String what) {
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

    static void enrollment(NewEnrollment take, int index) {
        if (take == null) {
            throw invalid("Take " + (index + 1) + " of the enrollment is missing.");
        }
        String what = "take " + (index + 1) + " ('" + take.sourceName() + "')";
        if (take.sourceName() == null || take.sourceName().isBlank()) {
            throw invalid("Take " + (index + 1) + " of the enrollment has no source name.");
        }
        requireFiniteNonNegative(take.seconds(), "duration", what);
        requireFiniteNonNegative(take.netSpeechSeconds(), "net speech duration", what);
        if (!(take.clippingRatio() >= 0 && take.clippingRatio() <= 1)) {
            throw invalid("The clipping ratio of " + what + " is not between 0 and 1.");
        }
        if (Double.isNaN(take.snrDb())) {
            throw invalid("The signal-to-noise ratio of " + what + " is not a number.");
        }
        embedding(take.embedding(), what);
        modelSha256(take.modelSha256());
        if (take.keptAudio() != null && (take.keptAudio().length == 0 || take.keptAudio().length > MAX_KEPT_SAMPLES)) {
            throw invalid("The kept audio of " + what + " must hold between 1 sample and 10 minutes.");
        }
    }

    private static void requireFiniteNonNegative(double value, String label, String what) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw invalid("The " + label + " of " + what + " is not a non-negative number.");
        }
    }

    static StoreException invalid(String sentence) {
        return new StoreException(Kind.INVALID_INPUT, sentence);
    }

    static StoreException unknownSpeaker(String name) {
        return new StoreException(Kind.UNKNOWN_SPEAKER, "There is no speaker named '" + name + "'.");
    }

    static StoreException duplicateName(String name, String existing) {
        return new StoreException(Kind.DUPLICATE_NAME, "A speaker named '" + existing + "' already exists"
                + (existing.equals(name) ? "" : " (names ignore case, so it clashes with '" + name + "')")
                + ".");
    }
}
