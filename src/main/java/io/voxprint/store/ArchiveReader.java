package io.voxprint.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.crypto.SealedFile;
import io.voxprint.store.SpeakerArchive.ArchiveJson;
import io.voxprint.store.SpeakerArchive.EmbeddingJson;
import io.voxprint.store.SpeakerArchive.EnrollmentJson;
import io.voxprint.store.SpeakerArchive.SpeakerJson;
import io.voxprint.store.StoreException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a speaker archive and checks everything in it before the store sees any of it: every
 * refusal is one sentence naming the archive, and nothing is written for a refused archive.
 */
final class ArchiveReader {


    private ArchiveReader() {
    }

    /**
     * The archive's speakers, checked; every enrollment must carry an embedding of {@code model}. An
     * archive sealed with a passphrase is opened with the one {@code passphrase} gives (asked only then).
     */
    static List<SpeakerBundle> read(ObjectMapper json, Path jsonFile, String model, ArchivePassphrase passphrase) {
        return toBundles(parse(json, jsonFile, passphrase), jsonFile, model);
    }

    /** The file's bytes, one sentence when there are none to read. */
    private static byte[] bytesOf(Path jsonFile) {
        if (Files.isDirectory(jsonFile)) {
            throw new StoreException(Kind.BAD_ARCHIVE, "'" + jsonFile + "' is a folder, not a speaker archive.");
        }
        try {
            return Files.readAllBytes(jsonFile);
        } catch (NoSuchFileException e) {
            throw new StoreException(Kind.BAD_ARCHIVE, "The archive '" + jsonFile + "' does not exist.", e);
        } catch (IOException e) {
            if (!Files.exists(jsonFile)) {
                throw new StoreException(Kind.BAD_ARCHIVE, "The archive '" + jsonFile + "' does not exist.", e);
            }
            throw new StoreException(Kind.IO, "Cannot read the archive '" + jsonFile + "': " + e.getMessage() + ".", e);
        }
    }

    private static ArchiveJson parse(ObjectMapper json, Path jsonFile, ArchivePassphrase passphrase) {
        byte[] bytes = bytesOf(jsonFile);
        if (SealedFile.looksSealed(bytes)) {
            bytes = unseal(bytes, jsonFile, passphrase);
        }
        try {
            ArchiveJson archive = json.readValue(bytes, ArchiveJson.class);
            if (archive == null || !SpeakerArchive.FORMAT.equals(archive.format())) {
                throw bad(jsonFile, "it is not a Voxprint speaker archive (no \"format\": \"" + SpeakerArchive.FORMAT + "\")");
            }
            if (archive.version() == null || archive.version() > SpeakerArchive.VERSION) {
                throw bad(jsonFile, "it was written by a newer Voxprint (archive version " + archive.version()
                        + "; this version reads " + SpeakerArchive.VERSION + ")");
            }
            return archive;
        } catch (JacksonException e) {
            throw bad(jsonFile, "it is not a Voxprint speaker archive (" + jsonProblem(e) + ")", e);
        } catch (IOException e) {
            throw new StoreException(Kind.IO, "Cannot read the archive '" + jsonFile + "': " + e.getMessage() + ".", e);
        }
    }

    /** The archive's JSON; a wrong passphrase or a damaged file is the crypto layer's one-sentence refusal. */
    private static byte[] unseal(byte[] sealed, Path jsonFile, ArchivePassphrase passphrase) {
        char[] p = passphrase.passphraseFor(jsonFile);
        try {
            return SealedFile.open(sealed, SpeakerArchive.SEALED_KIND, p, jsonFile.toString());
        } finally {
            Arrays.fill(p, '\0');
        }
    }

    /**
     * Jackson's own messages name Java types and tokens; a user gets where the archive goes wrong:
     * the field whose value has the wrong type, or the line and column where it stops being JSON.
     */
    private static String jsonProblem(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException syntax) {
                JsonLocation at = syntax.getLocation();
                return at == null || at.getLineNr() < 1 ? "it is not valid JSON"
                        : "it stops being valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
            }
        }
        if (e instanceof JsonMappingException d && !d.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : d.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            return "the value of " + path + " has the wrong type";
        }
        return "it is not valid JSON";
    }

    private static List<SpeakerBundle> toBundles(ArchiveJson archive, Path file, String model) {
        List<SpeakerBundle> bundles = new ArrayList<>();
        if (archive.speakers() == null) {
            return bundles;
        }
        for (SpeakerJson s : archive.speakers()) {
            if (s == null) {
                throw bad(file, "it holds an empty speaker entry");
            }
            String name = checked(file, () -> Inputs.name(s.name()));
            String notes = checked(file, () -> Inputs.notes(s.notes()));
            byte[] photo = s.photo() == null ? null : checked(file, () -> Inputs.photo(base64(s.photo(), "photo of '" + name + "'")));
            List<SpeakerBundle.Take> takes = new ArrayList<>();
            for (EnrollmentJson e : s.enrollments() == null ? List.<EnrollmentJson>of() : s.enrollments()) {
                takes.add(take(file, name, e, model));
            }
            bundles.add(new SpeakerBundle(name, instant(file, s.created(), name), notes, photo, takes));
        }
        return bundles;
    }

    private static SpeakerBundle.Take take(Path file, String speaker, EnrollmentJson e, String model) {
        if (e == null || e.source() == null || e.seconds() == null || e.netSpeechSeconds() == null
                || e.clippingRatio() == null || e.embeddings() == null) {
            throw bad(file, "an enrollment of '" + speaker + "' lacks its source, durations, clipping ratio or embeddings");
        }
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (EmbeddingJson v : e.embeddings()) {
            if (v == null || v.modelSha256() == null || v.dimension() == null || v.vector() == null) {
                throw bad(file, "an embedding of '" + speaker + "' lacks its model, dimension or values");
            }
            checked(file, () -> Inputs.modelSha256(v.modelSha256()));
            byte[] raw = checked(file, () -> base64(v.vector(), "embedding of '" + speaker + "'"));
            if (raw.length % Float.BYTES != 0) {
                throw bad(file, "an embedding of '" + speaker + "' is not a whole number of float32 values");
            }
            float[] values = Floats.fromBytes(raw);
            if (values.length != v.dimension()) {
                throw bad(file, "an embedding of '" + speaker + "' holds " + values.length + " values but declares "
                        + v.dimension());
            }
            checked(file, () -> Inputs.embedding(values, "'" + speaker + "'"));
            vectors.put(v.modelSha256(), values);
        }
        if (!vectors.containsKey(model)) {
            String other = vectors.isEmpty() ? "no model" : "model " + vectors.keySet().iterator().next().substring(0, 12) + "...";
            throw new StoreException(Kind.MODEL_MISMATCH, "The archive '" + file + "' holds embeddings of '" + speaker
                    + "' made by " + other + ", not by the current model " + model.substring(0, 12)
                    + "...; nothing was imported (re-enroll this speaker with the current model instead).");
        }
        double snr = e.snrDb() == null ? Double.NaN : e.snrDb();
        NewEnrollment probe = new NewEnrollment(e.source(), e.seconds(), e.netSpeechSeconds(), e.clippingRatio(), snr,
                vectors.get(model), model, null);
        checked(file, () -> {
            Inputs.enrollment(probe, 0);
            return null;
        });
        return new SpeakerBundle.Take(e.source(), e.seconds(), e.netSpeechSeconds(), e.clippingRatio(), snr,
                instant(file, e.created(), speaker), vectors);
    }

    private static Instant instant(Path file, String text, String speaker) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(file, "the time '" + text + "' of '" + speaker + "' is not an ISO-8601 instant");
        }
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw Inputs.invalid("The " + what + " is not valid base64.");
        }
    }

    private interface Check<T> {
        T get();
    }

    /** Re-words an input check failure as a failure of the archive. */
    private static <T> T checked(Path file, Check<T> check) {
        try {
            return check.get();
        } catch (StoreException e) {
            String inner = e.getMessage();
            String reason = Character.toLowerCase(inner.charAt(0)) + inner.substring(1, inner.length() - 1);
            throw new StoreException(Kind.BAD_ARCHIVE, "The archive '" + file + "' cannot be imported: " + reason + ".", e);
        }
    }

    private static StoreException bad(Path file, String reason) {
        return bad(file, reason, null);
    }

    private static StoreException bad(Path file, String reason, Throwable cause) {
        return new StoreException(Kind.BAD_ARCHIVE, "The archive '" + file + "' cannot be imported: " + reason + ".", cause);
    }

}
