package io.voxprint.store;

import static io.voxprint.store.Fixtures.DIM;
import static io.voxprint.store.Fixtures.MODEL_A;
import static io.voxprint.store.Fixtures.MODEL_B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.store.StoreException.Kind;
import io.voxprint.store.StoreEngine.TestDatabase;
import io.voxprint.store.StoreEngines.EngineTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** Archives are written once over the record interfaces: every engine exports and imports alike. */
class SpeakerArchiveTest {

    @TempDir
    Path dir;
    TestDatabase source;
    byte[] photo;

    private void aStoreToExportFrom(StoreEngine engine) {
        photo = Fixtures.png(0x445566);
        source = aliceAndBob(engine, photo);
    }

    /** A new database of {@code engine} holding Alice (three takes, kept audio, the photo) and Bob (two takes, notes). */
    static TestDatabase aliceAndBob(StoreEngine engine, byte[] photo) {
        TestDatabase db = engine.newDatabase();
        try (VoiceprintStore store = db.open()) {
            store.enroll("Alice", Fixtures.takes("Alice", 3, MODEL_A, 500), true, photo);
            store.enroll("Bob", Fixtures.takes("Bob", 2, MODEL_A, 0), true, null);
            store.speakers().setNotes("Bob", "second voice");
        }
        return db;
    }

    /** The plain archive of {@code names} (all when empty) from {@code db}. */
    static void exportFrom(TestDatabase db, List<String> names, Path file) {
        try (VoiceprintStore store = db.open()) {
            SpeakerArchive.export(store, names, file);
        }
    }

    @EngineTest
    void exportThenImportRecreatesSpeakersAndEmbeddings(StoreEngine engine) throws Exception {
        aStoreToExportFrom(engine);
        Path json = dir.resolve("speakers.json");
        exportFrom(source, List.of(), json);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
        // the documented format, read without the code under test
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("voxprint-speakers", root.get("format").asText());
        JsonNode aliceVector = root.get("speakers").get(0).get("enrollments").get(1).get("embeddings").get(0);
        assertEquals(MODEL_A, aliceVector.get("modelSha256").asText());
        assertEquals(DIM, aliceVector.get("dimension").asInt());
        byte[] raw = Base64.getDecoder().decode(aliceVector.get("vector").asText());
        float[] expected = Fixtures.vector("Alice", 1, DIM);
        java.nio.ByteBuffer le = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < DIM; i++) {
            assertEquals(expected[i], le.getFloat(), "value " + i);
        }

        try (VoiceprintStore target = engine.newDatabase().open()) {
            ImportResult result = SpeakerArchive.importInto(target, json, MODEL_A);
            assertEquals(new ImportResult(List.of("Alice", "Bob"), Map.of(), 5), result);
            List<SpeakerEmbeddings> embeddings = target.embeddings().ofModel(MODEL_A);
            for (int t = 0; t < 3; t++) {
                assertArrayEquals(Fixtures.vector("Alice", t, DIM), embeddings.get(0).embeddings().get(t));
            }
            assertArrayEquals(photo, target.speakers().photo("Alice").orElseThrow());
            assertEquals("second voice", target.speakers().find("bob").orElseThrow().notes());
            assertEquals(List.of("Alice-0.wav", "Alice-1.wav", "Alice-2.wav"),
                    target.speakers().enrollments("Alice").stream().map(Enrollment::sourceName).toList());
            assertEquals(5.0, target.speakers().enrollments("Alice").get(1).seconds());
            // kept audio stays private to the original store
            assertTrue(target.speakers().keptAudio("Alice").isEmpty());
        }
    }

    @EngineTest
    void nameClashesAreRefusedOrRenamed(StoreEngine engine) {
        aStoreToExportFrom(engine);
        Path json = dir.resolve("speakers.json");
        TestDatabase target = engine.newDatabase();
        exportFrom(source, List.of("alice"), json);
        try (VoiceprintStore store = target.open()) {
            store.enroll("ALICE", Fixtures.takes("other", 1, MODEL_A, 0), true, null);
        }
        String before = target.dump();
        try (VoiceprintStore store = target.open()) {
            StoreException e = assertThrows(StoreException.class, () -> SpeakerArchive.importInto(store, json, MODEL_A));
            assertEquals(Kind.DUPLICATE_NAME, e.kind());
            assertEquals("The archive '" + json + "' holds a speaker named 'Alice', but 'ALICE' already exists;"
                    + " nothing was imported (import with renaming, or rename one of them first).", e.getMessage());
            assertEquals(before, target.dump());

            ImportResult renamed = SpeakerArchive.importInto(store, json, MODEL_A, ClashPolicy.RENAME);
            assertEquals(Map.of("Alice", "Alice (2)"), renamed.renamed());
            ImportResult again = SpeakerArchive.importInto(store, json, MODEL_A, ClashPolicy.RENAME);
            assertEquals(List.of("Alice (3)"), again.speakers());
            assertEquals(3, store.speakers().enrollments("alice (3)").size());
        }
    }

    @EngineTest
    void vectorsOfAnotherModelAreRefused(StoreEngine engine) {
        aStoreToExportFrom(engine);
        Path json = dir.resolve("speakers.json");
        exportFrom(source, List.of(), json);
        TestDatabase target = engine.newDatabase();
        target.open().close();
        String before = target.dump();
        try (VoiceprintStore store = target.open()) {
            StoreException e = assertThrows(StoreException.class, () -> SpeakerArchive.importInto(store, json, MODEL_B));
            assertEquals(Kind.MODEL_MISMATCH, e.kind());
            assertEquals("The archive '" + json + "' holds embeddings of 'Alice' made by model aaaaaaaaaaaa..., not by the"
                    + " current model b0b0b0b0b0b0...; nothing was imported (re-enroll this speaker with the current model"
                    + " instead).", e.getMessage());
        }
        assertEquals(before, target.dump());
    }

    @EngineTest
    void damagedArchivesAreRefusedWithASentence(StoreEngine engine) throws Exception {
        TestDatabase target = engine.newDatabase();
        target.open().close();
        String before = target.dump();
        Path notJson = Files.writeString(dir.resolve("x.json"), "{ not json");
        Path wrongFormat = Files.writeString(dir.resolve("y.json"), "{\"format\": \"other\", \"speakers\": []}");
        Path badVector = Files.writeString(dir.resolve("z.json"), """
                {"format": "voxprint-speakers", "version": 1, "speakers": [{"name": "Eve", "enrollments": [
                  {"source": "e.wav", "seconds": 3, "netSpeechSeconds": 2, "clippingRatio": 0, "snrDb": 20,
                   "embeddings": [{"modelSha256": "%s", "dimension": 4, "vector": "AAAAAAAAAAA="}]}]}]}
                """.formatted(MODEL_A));
        try (VoiceprintStore store = target.open()) {
            StoreException e1 = assertThrows(StoreException.class, () -> SpeakerArchive.importInto(store, notJson, MODEL_A));
            assertTrue(e1.getMessage().startsWith("The archive '" + notJson + "' cannot be imported: it is not a Voxprint speaker archive ("),
                    e1.getMessage());
            StoreAssertions.assertOneSentence(e1.getMessage());
            assertEquals("The archive '" + wrongFormat + "' cannot be imported: it is not a Voxprint speaker archive"
                    + " (no \"format\": \"voxprint-speakers\").",
                    assertThrows(StoreException.class, () -> SpeakerArchive.importInto(store, wrongFormat, MODEL_A)).getMessage());
            assertEquals("The archive '" + badVector + "' cannot be imported: an embedding of 'Eve' holds 2 values but declares 4.",
                    assertThrows(StoreException.class, () -> SpeakerArchive.importInto(store, badVector, MODEL_A)).getMessage());
            Path missing = dir.resolve("missing.json");
            assertEquals("The archive '" + missing + "' does not exist.",
                    assertThrows(StoreException.class, () -> SpeakerArchive.importInto(store, missing, MODEL_A)).getMessage());
        }
        assertEquals(before, target.dump());
    }

    @EngineTest
    void npyMatrixReadsBackInNumPy(StoreEngine engine) throws Exception {
        aStoreToExportFrom(engine);
        Path npy = dir.resolve("embeddings.npy");
        Path labels;
        try (VoiceprintStore store = source.open()) {
            store.enroll("Carol", List.of(new NewEnrollment("c.wav", 3, 2, 0, 15, Fixtures.vector("Carol-B", 0, 256), MODEL_B, null)),
                    true, null);
            labels = SpeakerArchive.writeNpy(store, MODEL_A, npy);
        }
        assertEquals(dir.resolve("embeddings.labels.json"), labels);
        Path python = Path.of("/usr/bin/python3");
        assertTrue(Files.isExecutable(python), "this test reads the .npy with /usr/bin/python3 and NumPy (Debian python3-numpy); install them");
        String script = """
                import json, sys, numpy as np
                a = np.load(sys.argv[1])
                labels = json.load(open(sys.argv[2]))
                print(json.dumps({"dtype": a.dtype.str, "shape": list(a.shape),
                                  "rows": [[float(x) for x in r] for r in a],
                                  "speakers": [r["speaker"] for r in labels["rows"]]}))
                """;
        Process p = new ProcessBuilder(python.toString(), "-c", script, npy.toString(), labels.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        JsonNode result = new ObjectMapper().readTree(out);
        assertEquals("<f4", result.get("dtype").asText());
        assertEquals(List.of(5, DIM), List.of(result.get("shape").get(0).asInt(), result.get("shape").get(1).asInt()));
        assertEquals(List.of("Alice", "Alice", "Alice", "Bob", "Bob"),
                List.of(result.get("speakers").get(0).asText(), result.get("speakers").get(1).asText(),
                        result.get("speakers").get(2).asText(), result.get("speakers").get(3).asText(),
                        result.get("speakers").get(4).asText()));
        String[] names = {"Alice", "Alice", "Alice", "Bob", "Bob"};
        int[] takes = {0, 1, 2, 0, 1};
        for (int r = 0; r < 5; r++) {
            float[] expected = Fixtures.vector(names[r], takes[r], DIM);
            for (int i = 0; i < DIM; i++) {
                assertEquals(expected[i], (float) result.get("rows").get(r).get(i).asDouble(), "row " + r + " value " + i);
            }
        }
    }
}
