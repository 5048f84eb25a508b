package io.voxprint.store;

import static io.voxprint.store.Fixtures.MODEL_A;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.StoreException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every user-caused failure: one sentence, a typed kind, and the file exactly as it was. */
class BadInputTest {

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void aStoreWithTwoSpeakers() {
        file = dir.resolve("voxprint.db");
        try (VoiceprintStore store = VoiceprintStore.open(file)) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 100), true, Fixtures.png(1));
            store.enroll("Bob", Fixtures.takes("Bob", 1, MODEL_A, 0), true, null);
        }
    }

    private StoreException refusedUnchanged(Kind kind, Executable call) {
        String before = DbDump.of(file);
        StoreException e = assertThrows(StoreException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(before, DbDump.of(file), "the database changed");
        assertOneSentence(e.getMessage());
        return e;
    }

    static void assertOneSentence(String m) {
        assertTrue(m.endsWith(".") && !m.contains("\n") && Character.isUpperCase(m.charAt(0)) || m.startsWith("'"), m);
        assertFalse(m.contains("Exception"), m);
    }

    @Test
    void unknownSpeaker() {
        try (VoiceprintStore store = VoiceprintStore.open(file)) {
            StoreException e = refusedUnchanged(Kind.UNKNOWN_SPEAKER,
                    () -> store.enroll("Carol", Fixtures.takes("Carol", 2, MODEL_A, 0), false, null));
            assertEquals("There is no speaker named 'Carol'.", e.getMessage());
            assertEquals("There is no speaker named 'Carol'.",
                    refusedUnchanged(Kind.UNKNOWN_SPEAKER, () -> store.renameSpeaker("Carol", "Dave")).getMessage());
            refusedUnchanged(Kind.UNKNOWN_SPEAKER, () -> store.deleteSpeaker("carol"));
            refusedUnchanged(Kind.UNKNOWN_SPEAKER, () -> store.setPhoto("carol", Fixtures.png(2)));
            refusedUnchanged(Kind.UNKNOWN_SPEAKER, () -> store.enrollments("carol"));
            refusedUnchanged(Kind.UNKNOWN_SPEAKER, () -> store.addEmbedding(999, Fixtures.MODEL_B, new float[] {1}));
        }
    }

    @Test
    void duplicateName() {
        try (VoiceprintStore store = VoiceprintStore.open(file)) {
            assertEquals("A speaker named 'Alice' already exists (names ignore case, so it clashes with 'ALICE').",
                    refusedUnchanged(Kind.DUPLICATE_NAME, () -> store.renameSpeaker("Bob", " ALICE ")).getMessage());
            assertEquals("A speaker named 'Bob' already exists.",
                    refusedUnchanged(Kind.DUPLICATE_NAME, () -> store.createSpeaker("Bob", "", null)).getMessage());
        }
    }

    @Test
    void invalidValuesAreRefusedBeforeAnythingIsWritten() {
        try (VoiceprintStore store = VoiceprintStore.open(file)) {
            assertEquals("A speaker name must not be empty.",
                    refusedUnchanged(Kind.INVALID_INPUT, () -> store.enroll("  ", Fixtures.takes("x", 1, MODEL_A, 0), true, null)).getMessage());
            refusedUnchanged(Kind.INVALID_INPUT, () -> store.enroll("x".repeat(101), Fixtures.takes("x", 1, MODEL_A, 0), true, null));
            // the second take is bad: the first must not be saved either
            NewEnrollment good = Fixtures.take("Carol", 0, MODEL_A, 0);
            float[] nan = Fixtures.vector("Carol", 1, Fixtures.DIM);
            nan[5] = Float.NaN;
            NewEnrollment bad = new NewEnrollment("c.wav", 3, 2, 0, 20, nan, MODEL_A, null);
            assertEquals("The embedding of take 2 ('c.wav') contains a value that is not a finite number.",
                    refusedUnchanged(Kind.INVALID_INPUT, () -> store.enroll("Carol", List.of(good, bad), true, null)).getMessage());
            NewEnrollment wrongSize = new NewEnrollment("d.wav", 3, 2, 0, 20, new float[10], MODEL_A, null);
            assertEquals("An embedding has 10 values but the stored embeddings of model aaaaaaaaaaaa... have 192; nothing was saved.",
                    refusedUnchanged(Kind.MODEL_MISMATCH, () -> store.enroll("Carol", List.of(good, wrongSize), true, null)).getMessage());
            assertEquals("The photo is neither a PNG nor a JPEG image.",
                    refusedUnchanged(Kind.INVALID_INPUT, () -> store.setPhoto("Alice", "GIF89a....".getBytes())).getMessage());
            refusedUnchanged(Kind.INVALID_INPUT, () -> store.audit(new AuditEntry(java.time.Instant.now(), "guess", null, "x", 0, 0, MODEL_A, null)));
            assertEquals("The model fingerprint 'not a sha' is not a lowercase hexadecimal sha256.",
                    refusedUnchanged(Kind.INVALID_INPUT, () -> store.embeddingsForModel("not a sha")).getMessage());
        }
    }

    @Test
    void randomBytesAreNotADatabase() throws Exception {
        Path junk = dir.resolve("junk.db");
        byte[] bytes = new byte[8192];
        new Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        StoreException e = assertThrows(StoreException.class, () -> VoiceprintStore.open(junk));
        assertEquals(Kind.DAMAGED, e.kind());
        assertEquals("The database file '" + junk + "' is damaged: it is not a SQLite database"
                + " (restore a backup or choose another file).", e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(junk));
    }

    @Test
    void aTruncatedDatabaseIsDamaged() throws Exception {
        Path big = dir.resolve("big.db");
        try (VoiceprintStore store = VoiceprintStore.open(big)) {
            for (int i = 0; i < 20; i++) {
                store.enroll("Speaker " + i, Fixtures.takes("S" + i, 3, MODEL_A, 2000), true, null);
            }
        }
        byte[] whole = Files.readAllBytes(big);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        Files.write(big, half);
        StoreException e = assertThrows(StoreException.class, () -> VoiceprintStore.open(big));
        assertEquals(Kind.DAMAGED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("The database file '" + big + "' is damaged: "), e.getMessage());
        assertOneSentence(e.getMessage());
        assertArrayEquals(half, Files.readAllBytes(big));
    }

    @Test
    void aNewerSchemaIsRefusedUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
        }
        String before = DbDump.of(file);
        StoreException e = assertThrows(StoreException.class, () -> VoiceprintStore.open(file));
        assertEquals(Kind.NEWER_VERSION, e.kind());
        assertEquals("The database file '" + file + "' was written by a newer Voxprint (schema 7; this version knows 2);"
                + " update Voxprint to use it.", e.getMessage());
        assertEquals(before, DbDump.of(file));
    }

    @Test
    void aReadOnlyFileIsRefused() throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        String before = DbDump.of(file);
        StoreException e = assertThrows(StoreException.class, () -> VoiceprintStore.open(file));
        assertEquals(Kind.READ_ONLY, e.kind());
        assertEquals("The database file '" + file + "' is read-only; Voxprint needs to write to it (check its permissions).",
                e.getMessage());
        assertEquals(before, DbDump.of(file));
    }

    @Test
    void aReadOnlyFolderIsRefused() throws Exception {
        Path folder = dir.resolve("locked");
        Files.createDirectory(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        Path inside = folder.resolve("voxprint.db");
        StoreException e = assertThrows(StoreException.class, () -> VoiceprintStore.open(inside));
        assertEquals(Kind.READ_ONLY, e.kind());
        assertEquals("Cannot keep the database '" + inside + "' in the folder '" + folder
                + "': it is read-only; choose a writable location.", e.getMessage());
        assertFalse(Files.exists(inside));
        // the existing database in a folder made read-only later is refused too (SQLite needs its -wal beside it)
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            String before = DbDump.of(file);
            assertEquals(Kind.READ_ONLY, assertThrows(StoreException.class, () -> VoiceprintStore.open(file)).kind());
            assertEquals(before, DbDump.of(file));
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileSystemThatRefusesNewFilesIsReported() {
        // sysfs refuses new entries even to root: a real operating-system refusal, not a permission-bit check
        Path inside = Path.of("/sys/voxprint-test/voxprint.db");
        StoreException e = assertThrows(StoreException.class, () -> VoiceprintStore.open(inside));
        assertEquals(Kind.READ_ONLY, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Cannot keep the database '" + inside + "' in the folder '/sys/voxprint-test': "),
                e.getMessage());
        assertOneSentence(e.getMessage());
    }

    @Test
    void aFolderWhereTheFileShouldBe() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.db"));
        StoreException e = assertThrows(StoreException.class, () -> VoiceprintStore.open(folder));
        assertEquals(Kind.NOT_A_FILE, e.kind());
        assertEquals("'" + folder + "' is a folder, not a database file; choose a file name inside it.", e.getMessage());
        try (var list = Files.list(folder)) {
            assertEquals(0, list.count());
        }
    }

    @Test
    void aFullDiskLeavesTheDatabaseAsItWas() {
        try (VoiceprintStore store = VoiceprintStore.open(file)) {
            // SQLite answers SQLITE_FULL once the page limit is reached, exactly as when the disk fills
            store.capSizeAtCurrentPages();
            StoreException e = refusedUnchanged(Kind.DISK_FULL,
                    () -> store.enroll("Carol", Fixtures.takes("Carol", 3, MODEL_A, 160_000), true, null));
            assertEquals("The disk holding the database '" + file + "' is full; nothing was saved (free some space and try again).",
                    e.getMessage());
            // the store stays usable for reading after the failure
            assertEquals(2, store.listSpeakers().size());
            assertTrue(store.findSpeaker("Carol").isEmpty());
        }
    }
}
