package io.voxprint.store;

import static io.voxprint.store.Fixtures.DIM;
import static io.voxprint.store.Fixtures.MODEL_A;
import static io.voxprint.store.Fixtures.MODEL_B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoiceprintStoreTest {

    @TempDir
    Path dir;

    @Test
    void newFileIsOwnerOnlyInOwnerOnlyFoldersAndInWalMode() throws Exception {
        Path file = dir.resolve("a/b/voxprint.db");
        try (VoiceprintStore store = VoiceprintStore.open(file)) {
            store.enroll("Alice", Fixtures.takes("Alice", 1, MODEL_A, 0), true, null);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            // SQLite gives its side files the database's mode
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/voxprint.db-wal"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/voxprint.db-shm"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
            assertEquals(2, store.schemaVersion());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
        }
    }

    @Test
    void defaultLocationFollowsXdgDataHome() throws Exception {
        String out = ChildJvm.runToEnd(List.of("default-location"), java.util.Map.of("XDG_DATA_HOME", dir.toString()));
        assertEquals(dir.resolve("voxprint").resolve("voxprint.db").toString(), out.strip());
        String home = ChildJvm.runToEnd(List.of("default-location"), java.util.Map.of("XDG_DATA_HOME", ""));
        assertEquals(Path.of(System.getProperty("user.home"), ".local/share/voxprint/voxprint.db").toString(), home.strip());
    }

    @Test
    void enrollStoresEveryTakeWithItsEmbeddingAndKeptAudio() {
        try (VoiceprintStore store = VoiceprintStore.open(dir.resolve("v.db"))) {
            byte[] photo = Fixtures.png(0x336699);
            Speaker alice = store.enroll("  Alice  ", Fixtures.takes("Alice", 3, MODEL_A, 1600), true, photo);
            assertEquals("Alice", alice.name());
            assertEquals(3, alice.enrollmentCount());
            assertTrue(alice.hasPhoto());
            // names are found ignoring case and surrounding spaces; a second call adds to the same speaker
            Speaker again = store.enroll("ALICE", List.of(Fixtures.take("Alice", 3, MODEL_A, 0)), false, null);
            assertEquals(alice.id(), again.id());
            assertEquals(4, again.enrollmentCount());
            assertEquals(alice.id(), store.findSpeaker("alice ").orElseThrow().id());
            assertArrayEquals(photo, store.photo("alice").orElseThrow());

            List<Enrollment> enrollments = store.enrollments("Alice");
            assertEquals(4, enrollments.size());
            assertEquals("Alice-2.wav", enrollments.get(2).sourceName());
            assertEquals(6.0, enrollments.get(2).seconds());
            assertEquals(5.0, enrollments.get(2).netSpeechSeconds());
            assertEquals(0.002, enrollments.get(2).clippingRatio());
            assertEquals(22.0, enrollments.get(2).snrDb());
            assertEquals(MODEL_A, enrollments.get(2).modelSha256());
            assertTrue(enrollments.get(2).hasAudio());
            assertFalse(enrollments.get(3).hasAudio());

            List<SpeakerEmbeddings> forA = store.embeddingsForModel(MODEL_A);
            assertEquals(1, forA.size());
            for (int t = 0; t < 4; t++) {
                assertArrayEquals(Fixtures.vector("Alice", t, DIM), forA.get(0).embeddings().get(t));
            }
            List<KeptAudio> kept = store.keptAudio("Alice");
            assertEquals(3, kept.size());
            assertArrayEquals(Fixtures.audio("Alice", 1, 1600), kept.get(1).samples());
        }
    }

    @Test
    void oneSpeakersEmbeddingsOfOneModel() {
        try (VoiceprintStore store = VoiceprintStore.open(dir.resolve("v.db"))) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 0), true, null);
            store.enroll("Bob", Fixtures.takes("Bob", 3, MODEL_A, 0), true, null);
            store.enroll("Carol", Fixtures.takes("Carol", 1, MODEL_B, 0), true, null);

            SpeakerEmbeddings bob = store.embeddingsOfSpeaker(" bob", MODEL_A).orElseThrow();
            assertEquals("Bob", bob.speakerName());
            assertEquals(3, bob.embeddings().size());
            for (int take = 0; take < 3; take++) {
                assertArrayEquals(Fixtures.vector("Bob", take, DIM), bob.embeddings().get(take));
            }
            assertTrue(store.embeddingsOfSpeaker("Carol", MODEL_A).isEmpty(), "Carol has no embedding of model A");
            assertTrue(store.embeddingsOfSpeaker("Nobody", MODEL_A).isEmpty());
            assertEquals(2, store.embeddingsOfSpeaker("ALICE", MODEL_A).orElseThrow().embeddings().size());
        }
    }

    @Test
    void modelChangeIsRepairedFromKeptAudio() {
        try (VoiceprintStore store = VoiceprintStore.open(dir.resolve("v.db"))) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 800), true, null);
            store.enroll("Bob", Fixtures.takes("Bob", 1, MODEL_A, 0), true, null);
            assertEquals(List.of("Alice", "Bob"), store.speakersNeedingReEnrollment(MODEL_B));
            for (KeptAudio a : store.keptAudio("Alice")) {
                store.addEmbedding(a.enrollmentId(), MODEL_B, Fixtures.vector("Alice-B", (int) a.enrollmentId(), 256));
            }
            assertEquals(List.of("Bob"), store.speakersNeedingReEnrollment(MODEL_B));
            assertEquals(2, store.embeddingsForModel(MODEL_B).get(0).embeddings().size());
            assertEquals(2, store.embeddingsForModel(MODEL_A).size());
        }
    }

    @Test
    void renameDeleteNotesAndPhoto() {
        try (VoiceprintStore store = VoiceprintStore.open(dir.resolve("v.db"))) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 100), true, null);
            store.enroll("Bob", Fixtures.takes("Bob", 1, MODEL_A, 0), true, null);
            store.renameSpeaker("alice", "ALICE Smith");
            store.renameSpeaker("ALICE Smith", "Alice Smith"); // a change of case of one's own name is allowed
            store.setNotes("alice smith", "met at the lab");
            store.setPhoto("Bob", Fixtures.png(0x102030));
            store.setPhoto("Bob", null);
            assertEquals(List.of("Alice Smith", "Bob"), store.listSpeakers().stream().map(Speaker::name).toList());
            assertEquals("met at the lab", store.findSpeaker("Alice Smith").orElseThrow().notes());
            assertTrue(store.photo("Bob").isEmpty());
            store.deleteSpeaker("alice smith");
            assertEquals(List.of("Bob"), store.listSpeakers().stream().map(Speaker::name).toList());
        }
        // deleting cascades to enrollments, embeddings and kept audio
        String dump = DbDump.of(dir.resolve("v.db"));
        assertTrue(dump.contains("== embedding (1 rows)"), dump);
        assertTrue(dump.contains("== enrollment (1 rows)"), dump);
        assertTrue(dump.contains("== kept_audio (0 rows)"), dump);
    }

    @Test
    void auditLogAndEmbeddingCache() {
        Instant t0 = Instant.parse("2025-01-02T03:04:05.678Z");
        try (VoiceprintStore store = VoiceprintStore.open(dir.resolve("v.db"))) {
            store.audit(new AuditEntry(t0, "verify", "Alice", "accept", 0.71, 0.5, MODEL_A, "mic"));
            store.audit(new AuditEntry(t0.plusSeconds(1), "identify", null, "Bob", 0.62, 0.5, MODEL_A, "x.wav"));
            List<AuditEntry> log = store.auditLog(10);
            assertEquals(2, log.size());
            assertEquals(new AuditEntry(t0.plusSeconds(1), "identify", null, "Bob", 0.62, 0.5, MODEL_A, "x.wav"), log.get(0));
            assertEquals(new AuditEntry(t0, "verify", "Alice", "accept", 0.71, 0.5, MODEL_A, "mic"), log.get(1));
            assertEquals(1, store.auditLog(1).size());

            String audio = "c".repeat(64);
            assertTrue(store.cachedEmbedding(audio, MODEL_A).isEmpty());
            store.cacheEmbedding(audio, MODEL_A, Fixtures.vector("x", 1, DIM));
            assertArrayEquals(Fixtures.vector("x", 1, DIM), store.cachedEmbedding(audio, MODEL_A).orElseThrow());
            assertTrue(store.cachedEmbedding(audio, MODEL_B).isEmpty());
        }
    }
}
