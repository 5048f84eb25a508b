package io.voxprint.store;

import static io.voxprint.store.Fixtures.DIM;
import static io.voxprint.store.Fixtures.MODEL_A;
import static io.voxprint.store.Fixtures.MODEL_B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.StoreEngine.TestDatabase;
import io.voxprint.store.StoreEngines.EngineTest;
import java.time.Instant;
import java.util.List;

/** What every engine does the same: the record kinds and units of work the app relies on. */
class VoiceprintStoreTest {

    @EngineTest
    void enrollStoresEveryTakeWithItsEmbeddingAndKeptAudio(StoreEngine engine) {
        try (VoiceprintStore store = engine.newDatabase().open()) {
            assertEquals(3, store.schemaVersion());
            byte[] photo = Fixtures.png(0x336699);
            Speaker alice = store.enroll("  Alice  ", Fixtures.takes("Alice", 3, MODEL_A, 1600), true, photo);
            assertEquals("Alice", alice.name());
            assertEquals(3, alice.enrollmentCount());
            assertTrue(alice.hasPhoto());
            // names are found ignoring case and surrounding spaces; a second call adds to the same speaker
            Speaker again = store.enroll("ALICE", List.of(Fixtures.take("Alice", 3, MODEL_A, 0)), false, null);
            assertEquals(alice.id(), again.id());
            assertEquals(4, again.enrollmentCount());
            assertEquals(alice.id(), store.speakers().find("alice ").orElseThrow().id());
            assertArrayEquals(photo, store.speakers().photo("alice").orElseThrow());

            List<Enrollment> enrollments = store.speakers().enrollments("Alice");
            assertEquals(4, enrollments.size());
            assertEquals("Alice-2.wav", enrollments.get(2).sourceName());
            assertEquals(6.0, enrollments.get(2).seconds());
            assertEquals(5.0, enrollments.get(2).netSpeechSeconds());
            assertEquals(0.002, enrollments.get(2).clippingRatio());
            assertEquals(22.0, enrollments.get(2).snrDb());
            assertEquals(MODEL_A, enrollments.get(2).modelSha256());
            assertTrue(enrollments.get(2).hasAudio());
            assertFalse(enrollments.get(3).hasAudio());

            List<SpeakerEmbeddings> forA = store.embeddings().ofModel(MODEL_A);
            assertEquals(1, forA.size());
            for (int t = 0; t < 4; t++) {
                assertArrayEquals(Fixtures.vector("Alice", t, DIM), forA.get(0).embeddings().get(t));
            }
            List<KeptAudio> kept = store.speakers().keptAudio("Alice");
            assertEquals(3, kept.size());
            assertArrayEquals(Fixtures.audio("Alice", 1, 1600), kept.get(1).samples());
        }
    }

    @EngineTest
    void oneSpeakersEmbeddingsOfOneModel(StoreEngine engine) {
        try (VoiceprintStore store = engine.newDatabase().open()) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 0), true, null);
            store.enroll("Bob", Fixtures.takes("Bob", 3, MODEL_A, 0), true, null);
            store.enroll("Carol", Fixtures.takes("Carol", 1, MODEL_B, 0), true, null);

            SpeakerEmbeddings bob = store.embeddings().ofSpeaker(" bob", MODEL_A).orElseThrow();
            assertEquals("Bob", bob.speakerName());
            assertEquals(3, bob.embeddings().size());
            for (int take = 0; take < 3; take++) {
                assertArrayEquals(Fixtures.vector("Bob", take, DIM), bob.embeddings().get(take));
            }
            assertTrue(store.embeddings().ofSpeaker("Carol", MODEL_A).isEmpty(), "Carol has no embedding of model A");
            assertTrue(store.embeddings().ofSpeaker("Nobody", MODEL_A).isEmpty());
            assertEquals(2, store.embeddings().ofSpeaker("ALICE", MODEL_A).orElseThrow().embeddings().size());
        }
    }

    @EngineTest
    void modelChangeIsRepairedFromKeptAudio(StoreEngine engine) {
        try (VoiceprintStore store = engine.newDatabase().open()) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 800), true, null);
            store.enroll("Bob", Fixtures.takes("Bob", 1, MODEL_A, 0), true, null);
            assertEquals(List.of("Alice", "Bob"), store.embeddings().speakersWithout(MODEL_B));
            for (KeptAudio a : store.speakers().keptAudio("Alice")) {
                store.embeddings().put(a.enrollmentId(), MODEL_B, Fixtures.vector("Alice-B", (int) a.enrollmentId(), 256));
            }
            assertEquals(List.of("Bob"), store.embeddings().speakersWithout(MODEL_B));
            assertEquals(2, store.embeddings().ofModel(MODEL_B).get(0).embeddings().size());
            assertEquals(2, store.embeddings().ofModel(MODEL_A).size());
            // every model's embedding of every enrollment, by enrollment
            List<StoredEmbedding> all = store.embeddings().allOfSpeaker("alice");
            assertEquals(List.of(MODEL_A, MODEL_B, MODEL_A, MODEL_B), all.stream().map(StoredEmbedding::modelSha256).toList());
            assertArrayEquals(Fixtures.vector("Alice", 1, DIM), all.get(2).vector());
        }
    }

    @EngineTest
    void renameDeleteNotesAndPhoto(StoreEngine engine) {
        TestDatabase db = engine.newDatabase();
        try (VoiceprintStore store = db.open()) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 100), true, null);
            store.enroll("Bob", Fixtures.takes("Bob", 1, MODEL_A, 0), true, null);
            store.speakers().rename("alice", "ALICE Smith");
            store.speakers().rename("ALICE Smith", "Alice Smith"); // a change of case of one's own name is allowed
            store.speakers().setNotes("alice smith", "met at the lab");
            store.speakers().setPhoto("Bob", Fixtures.png(0x102030));
            store.speakers().setPhoto("Bob", null);
            assertEquals(List.of("Alice Smith", "Bob"), store.speakers().list().stream().map(Speaker::name).toList());
            assertEquals("met at the lab", store.speakers().find("Alice Smith").orElseThrow().notes());
            assertTrue(store.speakers().photo("Bob").isEmpty());
            store.speakers().delete("alice smith");
            assertEquals(List.of("Bob"), store.speakers().list().stream().map(Speaker::name).toList());
        }
        // deleting cascades to enrollments, embeddings and kept audio
        String dump = db.dump();
        assertTrue(dump.contains("== embedding (1 rows)"), dump);
        assertTrue(dump.contains("== enrollment (1 rows)"), dump);
        assertTrue(dump.contains("== kept_audio (0 rows)"), dump);
    }

    @EngineTest
    void auditLogAndEmbeddingCache(StoreEngine engine) {
        Instant t0 = Instant.parse("2025-01-02T03:04:05.678Z");
        try (VoiceprintStore store = engine.newDatabase().open()) {
            AuditEntry verified = AuditEntry.verification(t0, "Alice", true, 0.71, 0.5, MODEL_A, "mic");
            AuditEntry identified = AuditEntry.identification(t0.plusSeconds(1), "Bob", 0.62, 0.5, MODEL_A, "x.wav");
            AuditEntry nobody = AuditEntry.identification(t0.plusSeconds(2), null, Double.NaN, 0.5, MODEL_A, null);
            store.audit().append(verified);
            store.audit().append(identified);
            store.audit().append(nobody);
            assertEquals(List.of(nobody, identified, verified), store.audit().latest(10));
            assertEquals(1, store.audit().latest(1).size());
            assertEquals(List.of("no enrolled speaker", "Bob", "accepted"),
                    store.audit().latest(10).stream().map(AuditEntry::resultText).toList());

            String audio = "c".repeat(64);
            assertTrue(store.embeddingCache().get(audio, MODEL_A).isEmpty());
            store.embeddingCache().put(audio, MODEL_A, Fixtures.vector("x", 1, DIM));
            assertArrayEquals(Fixtures.vector("x", 1, DIM), store.embeddingCache().get(audio, MODEL_A).orElseThrow());
            assertTrue(store.embeddingCache().get(audio, MODEL_B).isEmpty());
        }
    }

    @EngineTest
    void aUnitOfWorkCommitsTogetherOrNotAtAll(StoreEngine engine) {
        TestDatabase db = engine.newDatabase();
        try (VoiceprintStore store = db.open()) {
            store.enroll("Alice", Fixtures.takes("Alice", 1, MODEL_A, 0), true, null);
            String before = db.dump();
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> store.inTransaction(tx -> {
                Speaker bob = tx.speakers().create("Bob", "", null);
                long take = tx.speakers().addEnrollment(bob.id(), new EnrollmentDetails("b.wav", 3, 2, 0, 20, Instant.now()));
                tx.embeddings().put(take, MODEL_A, Fixtures.vector("Bob", 0, DIM));
                tx.speakers().rename("Alice", "Alice Smith");
                assertEquals(2, tx.speakers().list().size(), "the unit sees its own writes");
                throw new IllegalStateException("stop");
            }));
            assertEquals("stop", failure.getMessage());
            assertEquals(before, db.dump());
            assertEquals(List.of("Alice"), store.speakers().list().stream().map(Speaker::name).toList());

            int enrollments = store.inTransaction(tx -> {
                Speaker bob = tx.speakers().create("Bob", "", null);
                tx.speakers().addEnrollment(bob.id(), new EnrollmentDetails("b.wav", 3, 2, 0, 20, Instant.now()));
                return tx.speakers().find("bob").orElseThrow().enrollmentCount();
            });
            assertEquals(1, enrollments);
            assertEquals(List.of("Alice", "Bob"), store.speakers().list().stream().map(Speaker::name).toList());
        }
    }

    @EngineTest
    void anotherStoreOnTheSameRecordsSeesCommittedWork(StoreEngine engine) {
        TestDatabase db = engine.newDatabase();
        try (VoiceprintStore writer = db.open(); VoiceprintStore reader = db.open()) {
            writer.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 0), true, null);
            assertEquals(2, reader.speakers().find("alice").orElseThrow().enrollmentCount());
            writer.speakers().delete("Alice");
            assertTrue(reader.speakers().list().isEmpty());
        }
    }
}
