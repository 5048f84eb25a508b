package io.voxprint.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.voxprint.store.StoreException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speakers in and out of the store as JSON (format "voxprint-speakers", version 1), and embeddings
 * out as a NumPy matrix for Python users. Kept audio never leaves the store this way. Written once
 * over the record interfaces, so every engine imports and exports alike.
 */
public final class SpeakerArchive {

    static final String FORMAT = "voxprint-speakers";
    static final int VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(SpeakerArchive.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpeakerArchive() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ArchiveJson(String format, Integer version, String exported, List<SpeakerJson> speakers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SpeakerJson(String name, String created, String notes, String photo, List<EnrollmentJson> enrollments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EnrollmentJson(String source, Double seconds, Double netSpeechSeconds, Double clippingRatio, Double snrDb,
            String created, List<EmbeddingJson> embeddings) {
    }

    /** {@code vector}: base64 of {@code dimension} float32 little-endian values. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EmbeddingJson(String modelSha256, Integer dimension, String vector) {
    }

    record NpyLabels(String modelSha256, int dimension, List<NpyRow> rows) {
    }

    record NpyRow(int row, String speaker, String source, String created) {
    }

    /** Writes the named speakers (all when {@code names} is empty) to {@code jsonFile}, replacing it atomically. */
    public static void export(VoiceprintStore store, List<String> names, Path jsonFile) {
        List<SpeakerJson> speakers = new ArrayList<>();
        for (SpeakerBundle b : SpeakerBundle.read(store, names)) {
            List<EnrollmentJson> takes = new ArrayList<>();
            for (SpeakerBundle.Take t : b.enrollments()) {
                List<EmbeddingJson> vectors = new ArrayList<>();
                t.embeddings().forEach((model, v) -> vectors.add(
                        new EmbeddingJson(model, v.length, Base64.getEncoder().encodeToString(Floats.toBytes(v)))));
                takes.add(new EnrollmentJson(t.sourceName(), t.seconds(), t.netSpeechSeconds(), t.clippingRatio(),
                        Double.isNaN(t.snrDb()) ? null : t.snrDb(), t.created().toString(), vectors));
            }
            speakers.add(new SpeakerJson(b.name(), b.created().toString(), b.notes(),
                    b.photo() == null ? null : Base64.getEncoder().encodeToString(b.photo()), takes));
        }
        ArchiveJson archive = new ArchiveJson(FORMAT, VERSION, Instant.now().toString(), speakers);
        writeAtomically(jsonFile, out -> JSON.writeValue(out, archive));
    }

    /** {@link #importInto(VoiceprintStore, Path, String, ClashPolicy)} refusing name clashes. */
    public static ImportResult importInto(VoiceprintStore store, Path jsonFile, String currentModelSha256) {
        return importInto(store, jsonFile, currentModelSha256, ClashPolicy.REFUSE);
    }

    /**
     * Adds the archive's speakers in one transaction. Every enrollment must carry an embedding of
     * {@code currentModelSha256} (embeddings of other models alongside it are kept too); otherwise,
     * or on a name clash under {@link ClashPolicy#REFUSE}, nothing is imported.
     */
    public static ImportResult importInto(VoiceprintStore store, Path jsonFile, String currentModelSha256, ClashPolicy policy) {
        String model = Inputs.modelSha256(currentModelSha256);
        ArchiveJson archive = read(jsonFile);
        List<SpeakerBundle> bundles = toBundles(archive, jsonFile, model);
        return store.inTransaction(tx -> add(tx, bundles, policy, jsonFile.toString()));
    }

    /** Adds the checked bundles as new speakers, inside the caller's transaction. */
    private static ImportResult add(VoiceprintStore tx, List<SpeakerBundle> bundles, ClashPolicy policy, String archiveName) {
        List<String> stored = new ArrayList<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        Set<String> takenInArchive = new HashSet<>();
        Predicate<String> taken = n -> tx.speakers().find(n).isPresent() || takenInArchive.contains(Inputs.nameKey(n));
        int enrollments = 0;
        for (SpeakerBundle b : bundles) {
            String name = b.name();
            if (taken.test(name)) {
                if (policy == ClashPolicy.REFUSE) {
                    String existing = tx.speakers().find(name).map(Speaker::name).orElse(name);
                    throw new StoreException(Kind.DUPLICATE_NAME, "The archive '" + archiveName + "' holds a speaker named '"
                            + name + "', but '" + existing
                            + "' already exists; nothing was imported (import with renaming, or rename one of them first).");
                }
                name = Inputs.name(Inputs.firstFreeName(b.name(), taken));
                renamed.put(b.name(), name);
            }
            takenInArchive.add(Inputs.nameKey(name));
            Speaker speaker = tx.speakers().add(new NewSpeaker(name, b.created(), b.notes(), b.photo()));
            for (SpeakerBundle.Take t : b.enrollments()) {
                long enrollmentId = tx.speakers().addEnrollment(speaker.id(), new EnrollmentDetails(t.sourceName(),
                        t.seconds(), t.netSpeechSeconds(), t.clippingRatio(), t.snrDb(), t.created()));
                for (Map.Entry<String, float[]> m : t.embeddings().entrySet()) {
                    tx.embeddings().put(enrollmentId, m.getKey(), m.getValue());
                }
                enrollments++;
            }
            stored.add(name);
        }
        return new ImportResult(List.copyOf(stored), Map.copyOf(renamed), enrollments);
    }

    /**
     * Writes every embedding of {@code modelSha256} as an [n, dim] float32 matrix, and beside it
     * {@code <name>.labels.json} naming the speaker and recording of each row; returns the labels file.
     */
    public static Path writeNpy(VoiceprintStore store, String modelSha256, Path npyFile) {
        String model = Inputs.modelSha256(modelSha256);
        List<float[]> rows = new ArrayList<>();
        List<NpyRow> labels = new ArrayList<>();
        for (SpeakerBundle b : SpeakerBundle.read(store, List.of())) {
            for (SpeakerBundle.Take t : b.enrollments()) {
                float[] v = t.embeddings().get(model);
                if (v != null) {
                    labels.add(new NpyRow(rows.size(), b.name(), t.sourceName(), t.created().toString()));
                    rows.add(v);
                }
            }
        }
        if (rows.isEmpty()) {
            throw new StoreException(Kind.MODEL_MISMATCH, "No speaker has embeddings of model "
                    + model.substring(0, 12) + "..., so there is nothing to write to '" + npyFile + "'.");
        }
        int dimension = rows.get(0).length;
        Path labelsFile = labelsFileFor(npyFile);
        writeAtomically(npyFile, out -> NpyWriter.write(out, rows, dimension));
        writeAtomically(labelsFile, out -> JSON.writeValue(out, new NpyLabels(model, dimension, labels)));
        return labelsFile;
    }

    /** {@code x.npy} -> {@code x.labels.json}. */
    public static Path labelsFileFor(Path npyFile) {
        String name = npyFile.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return npyFile.resolveSibling(stem + ".labels.json");
    }

    // ---------------------------------------------------------------- reading and checking

    private static ArchiveJson read(Path jsonFile) {
        if (Files.isDirectory(jsonFile)) {
            throw new StoreException(Kind.BAD_ARCHIVE, "'" + jsonFile + "' is a folder, not a speaker archive.");
        }
        try {
            ArchiveJson archive = JSON.readValue(jsonFile.toFile(), ArchiveJson.class);
            if (archive == null || !FORMAT.equals(archive.format())) {
                throw bad(jsonFile, "it is not a Voxprint speaker archive (no \"format\": \"" + FORMAT + "\")");
            }
            if (archive.version() == null || archive.version() > VERSION) {
                throw bad(jsonFile, "it was written by a newer Voxprint (archive version " + archive.version()
                        + "; this version reads " + VERSION + ")");
            }
            return archive;
        } catch (NoSuchFileException e) {
            throw new StoreException(Kind.BAD_ARCHIVE, "The archive '" + jsonFile + "' does not exist.", e);
        } catch (JacksonException e) {
            log.warn("Archive {} is not readable JSON", jsonFile, e);
            throw bad(jsonFile, "it is not a Voxprint speaker archive (" + jsonProblem(e) + ")");
        } catch (IOException e) {
            if (!Files.exists(jsonFile)) {
                throw new StoreException(Kind.BAD_ARCHIVE, "The archive '" + jsonFile + "' does not exist.", e);
            }
            throw new StoreException(Kind.IO, "Cannot read the archive '" + jsonFile + "': " + e.getMessage() + ".", e);
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
        return new StoreException(Kind.BAD_ARCHIVE, "The archive '" + file + "' cannot be imported: " + reason + ".");
    }

    // ---------------------------------------------------------------- writing

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Temp file in the same folder, then a rename: a reader never sees half a file. Mode 0600 (biometric data). */
    private static void writeAtomically(Path target, Writer writer) {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            if (Files.isDirectory(target)) {
                throw new StoreException(Kind.NOT_A_FILE, "'" + target + "' is a folder; choose a file name to write to.");
            }
            temp = Files.createTempFile(folder, ".voxprint-", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Writing {} failed", target, e);
            throw new StoreException(Kind.IO, "Cannot write '" + target + "': " + e.getMessage() + ".", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover hidden temp file is harmless
                }
            }
        }
    }
}
