package io.voxprint.store;

import static io.voxprint.store.Fixtures.MODEL_A;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voxprint.store.StoreEngine.TestDatabase;
import io.voxprint.store.StoreEngines.EngineTest;
import io.voxprint.store.StoreException.Kind;
import java.time.Instant;
import java.util.List;

/** Every user-caused failure, on every engine: one sentence, a typed kind, and the records exactly as they were. */
class BadInputTest {

    /** A database holding Alice (two takes, a photo, kept audio) and Bob (one take). */
    private static TestDatabase twoSpeakers(StoreEngine engine) {
        TestDatabase db = engine.newDatabase();
        try (VoiceprintStore store = db.open()) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 100), true, Fixtures.png(1));
            store.enroll("Bob", Fixtures.takes("Bob", 1, MODEL_A, 0), true, null);
        }
        return db;
    }

    @EngineTest
    void unknownSpeaker(StoreEngine engine) {
        TestDatabase db = twoSpeakers(engine);
        try (VoiceprintStore store = db.open()) {
            StoreException e = StoreAssertions.refusedUnchanged(db, Kind.UNKNOWN_SPEAKER,
                    () -> store.enroll("Carol", Fixtures.takes("Carol", 2, MODEL_A, 0), false, null));
            assertEquals("There is no speaker named 'Carol'.", e.getMessage());
            assertEquals("There is no speaker named 'Carol'.", StoreAssertions.refusedUnchanged(db, Kind.UNKNOWN_SPEAKER,
                    () -> store.speakers().rename("Carol", "Dave")).getMessage());
            StoreAssertions.refusedUnchanged(db, Kind.UNKNOWN_SPEAKER, () -> store.speakers().delete("carol"));
            StoreAssertions.refusedUnchanged(db, Kind.UNKNOWN_SPEAKER, () -> store.speakers().setPhoto("carol", Fixtures.png(2)));
            StoreAssertions.refusedUnchanged(db, Kind.UNKNOWN_SPEAKER, () -> store.speakers().enrollments("carol"));
            StoreAssertions.refusedUnchanged(db, Kind.UNKNOWN_SPEAKER, () -> store.embeddings().put(999, Fixtures.MODEL_B, new float[] {1}));
            StoreAssertions.refusedUnchanged(db, Kind.UNKNOWN_SPEAKER, () -> store.speakers().keepAudio(999, new float[] {0.5f}));
            StoreAssertions.refusedUnchanged(db, Kind.UNKNOWN_SPEAKER, () -> store.speakers().addEnrollment(999,
                    new EnrollmentDetails("x.wav", 1, 1, 0, 10, Instant.now())));
        }
    }

    @EngineTest
    void duplicateName(StoreEngine engine) {
        TestDatabase db = twoSpeakers(engine);
        try (VoiceprintStore store = db.open()) {
            assertEquals("A speaker named 'Alice' already exists (names ignore case, so it clashes with 'ALICE').",
                    StoreAssertions.refusedUnchanged(db, Kind.DUPLICATE_NAME, () -> store.speakers().rename("Bob", " ALICE ")).getMessage());
            assertEquals("A speaker named 'Bob' already exists.",
                    StoreAssertions.refusedUnchanged(db, Kind.DUPLICATE_NAME, () -> store.speakers().create("Bob", "", null)).getMessage());
        }
    }

    @EngineTest
    void invalidValuesAreRefusedBeforeAnythingIsWritten(StoreEngine engine) {
        TestDatabase db = twoSpeakers(engine);
        try (VoiceprintStore store = db.open()) {
            assertEquals("A speaker name must not be empty.", StoreAssertions.refusedUnchanged(db, Kind.INVALID_INPUT,
                    () -> store.enroll("  ", Fixtures.takes("x", 1, MODEL_A, 0), true, null)).getMessage());
            StoreAssertions.refusedUnchanged(db, Kind.INVALID_INPUT, () -> store.enroll("x".repeat(101), Fixtures.takes("x", 1, MODEL_A, 0), true, null));
            // the second take is bad: the first must not be saved either
            NewEnrollment good = Fixtures.take("Carol", 0, MODEL_A, 0);
            float[] nan = Fixtures.vector("Carol", 1, Fixtures.DIM);
            nan[5] = Float.NaN;
            NewEnrollment bad = new NewEnrollment("c.wav", 3, 2, 0, 20, nan, MODEL_A, null);
            assertEquals("The embedding of take 2 ('c.wav') contains a value that is not a finite number.",
                    StoreAssertions.refusedUnchanged(db, Kind.INVALID_INPUT, () -> store.enroll("Carol", List.of(good, bad), true, null)).getMessage());
            NewEnrollment wrongSize = new NewEnrollment("d.wav", 3, 2, 0, 20, new float[10], MODEL_A, null);
            assertEquals("An embedding has 10 values but the stored embeddings of model aaaaaaaaaaaa... have 192; nothing was saved.",
                    StoreAssertions.refusedUnchanged(db, Kind.MODEL_MISMATCH, () -> store.enroll("Carol", List.of(good, wrongSize), true, null)).getMessage());
            assertEquals("The photo is neither a PNG nor a JPEG image.", StoreAssertions.refusedUnchanged(db, Kind.INVALID_INPUT,
                    () -> store.speakers().setPhoto("Alice", "GIF89a....".getBytes())).getMessage());
            assertEquals("An audit entry of a verify result needs the speaker's name.", StoreAssertions.refusedUnchanged(db, Kind.INVALID_INPUT,
                    () -> store.audit().append(AuditEntry.verification(Instant.now(), null, true, 0, 0, MODEL_A, null))).getMessage());
            assertEquals("An audit entry's result must be one of its kind (verify).", StoreAssertions.refusedUnchanged(db, Kind.INVALID_INPUT,
                    () -> store.audit().append(new AuditEntry(Instant.now(), AuditKind.VERIFY, "Alice", AuditResult.NO_MATCH,
                            null, 0, 0, MODEL_A, null))).getMessage());
            assertEquals("The model fingerprint 'not a sha' is not a lowercase hexadecimal sha256.",
                    StoreAssertions.refusedUnchanged(db, Kind.INVALID_INPUT, () -> store.embeddings().ofModel("not a sha")).getMessage());
        }
    }
}
