package io.voxprint.store;

import io.voxprint.common.AtomicFiles;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.voxprint.crypto.Argon2id;
import io.voxprint.crypto.SealedFile;
import io.voxprint.store.StoreException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Speakers in and out of the store as JSON (format "voxprint-speakers", version 1), and embeddings
 * out as a NumPy matrix for Python users. Kept audio never leaves the store this way. Written once
 * over the record interfaces, so every engine imports and exports alike.
 *
 * <p>The JSON is normally sealed with a passphrase ({@link SealedFile}: AES-256-GCM under an
 * Argon2id key, the parameters in the file's header); the plain form is for callers that chose it
 * explicitly. Import reads either.
 */
public final class SpeakerArchive {

    static final String FORMAT = "voxprint-speakers";
    /** The content kind in a sealed archive's header. */
    static final String SEALED_KIND = "speakers-archive";
    static final int VERSION = 1;
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

    /**
     * Writes the named speakers (all when {@code names} is empty) to {@code file} as JSON sealed with
     * {@code passphrase}, replacing it atomically; nothing of the speakers is readable without it.
     */
    public static void exportSealed(VoiceprintStore store, List<String> names, Path file, char[] passphrase,
            Argon2id parameters) {
        byte[] json = archiveJson(store, names);
        try {
            byte[] sealed = SealedFile.seal(json, SEALED_KIND, passphrase, parameters);
            writeAtomically(file, out -> out.write(sealed));
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /**
     * Writes the named speakers (all when {@code names} is empty) to {@code jsonFile} as plain JSON
     * (every embedding and photo readable by whoever gets the file), replacing it atomically.
     */
    public static void export(VoiceprintStore store, List<String> names, Path jsonFile) {
        byte[] json = archiveJson(store, names);
        writeAtomically(jsonFile, out -> out.write(json));
    }

    /** Whether {@code file} is a sealed archive (so a caller asks for the passphrase before importing). */
    public static boolean isSealed(Path file) {
        try (var in = Files.newInputStream(file)) {
            return SealedFile.looksSealed(in.readNBytes(64));
        } catch (IOException e) {
            return false; // the import itself says why the file cannot be read
        }
    }

    private static byte[] archiveJson(VoiceprintStore store, List<String> names) {
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
        try {
            return JSON.writeValueAsBytes(archive);
        } catch (IOException e) {
            throw new IllegalStateException("the archive's records did not serialise", e);
        }
    }

    /** A plain archive, refusing name clashes. */
    public static ImportResult importInto(VoiceprintStore store, Path jsonFile, String currentModelSha256) {
        return importInto(store, jsonFile, currentModelSha256, ClashPolicy.REFUSE, ArchivePassphrase.none());
    }

    /** A plain archive. */
    public static ImportResult importInto(VoiceprintStore store, Path jsonFile, String currentModelSha256, ClashPolicy policy) {
        return importInto(store, jsonFile, currentModelSha256, policy, ArchivePassphrase.none());
    }

    /**
     * Adds the archive's speakers in one transaction. Every enrollment must carry an embedding of
     * {@code currentModelSha256} (embeddings of other models alongside it are kept too); otherwise,
     * or on a name clash under {@link ClashPolicy#REFUSE}, nothing is imported. A sealed archive is
     * opened with what {@code passphrase} gives; a wrong passphrase or a damaged file imports nothing.
     */
    public static ImportResult importInto(VoiceprintStore store, Path jsonFile, String currentModelSha256, ClashPolicy policy,
            ArchivePassphrase passphrase) {
        String model = Inputs.modelSha256(currentModelSha256);
        List<SpeakerBundle> bundles = ArchiveReader.read(JSON, jsonFile, model, passphrase);
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

    // ---------------------------------------------------------------- writing

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Temp file in the same folder, then a rename: a reader never sees half a file. Mode 0600 (biometric data). */
    private static void writeAtomically(Path target, Writer writer) {
        if (Files.isDirectory(target)) {
            throw new StoreException(Kind.NOT_A_FILE, "'" + target + "' is a folder; choose a file name to write to.");
        }
        try {
            AtomicFiles.write(target, writer::write);
        } catch (IOException e) {
            // Logged once, by whoever handles the StoreException.
            throw new StoreException(Kind.IO, "Cannot write '" + target + "': " + e.getMessage() + ".", e);
        }
    }
}
