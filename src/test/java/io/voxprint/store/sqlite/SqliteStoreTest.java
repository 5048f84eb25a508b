package io.voxprint.store.sqlite;

import static io.voxprint.store.Fixtures.MODEL_A;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.StoreAssertions;
import io.voxprint.store.ChildJvm;
import io.voxprint.store.DbDump;
import io.voxprint.store.Fixtures;
import io.voxprint.store.StoreException;
import io.voxprint.store.StoreException.Kind;
import io.voxprint.store.VoiceprintStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite engine has: a file with its permissions, WAL mode, and the file's own failures. */
class SqliteStoreTest {

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void aFileWithTwoSpeakers() {
        file = dir.resolve("voxprint.db");
        try (VoiceprintStore store = SqliteStore.open(file)) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, MODEL_A, 100), true, Fixtures.png(1));
            store.enroll("Bob", Fixtures.takes("Bob", 1, MODEL_A, 0), true, null);
        }
    }

    @Test
    void newFileIsOwnerOnlyInOwnerOnlyFoldersAndInWalMode() throws Exception {
        Path fresh = dir.resolve("a/b/voxprint.db");
        try (SqliteStore store = SqliteStore.open(fresh)) {
            store.enroll("Alice", Fixtures.takes("Alice", 1, MODEL_A, 0), true, null);
            assertEquals(fresh.toString(), store.location());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
            // SQLite gives its side files the database's mode
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/voxprint.db-wal"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/voxprint.db-shm"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
            assertEquals(3, store.schemaVersion());
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fresh); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
        }
    }

    @Test
    void defaultLocationFollowsXdgDataHome() throws Exception {
        String out = ChildJvm.runToEnd(List.of("default-location"), Map.of("XDG_DATA_HOME", dir.toString()));
        assertEquals(dir.resolve("voxprint").resolve("voxprint.db").toString(), out.strip());
        String home = ChildJvm.runToEnd(List.of("default-location"), Map.of("XDG_DATA_HOME", ""));
        assertEquals(Path.of(System.getProperty("user.home"), ".local/share/voxprint/voxprint.db").toString(), home.strip());
    }

    @Test
    void randomBytesAreNotADatabase() throws Exception {
        Path junk = dir.resolve("junk.db");
        byte[] bytes = new byte[8192];
        new Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        assertEquals("The database file '" + junk + "' is damaged: it is not a SQLite database"
                + " (restore a backup or choose another file).", refusedUntouched(junk, Kind.DAMAGED));
    }

    @Test
    void aTruncatedDatabaseIsDamaged() throws Exception {
        Path big = dir.resolve("big.db");
        try (VoiceprintStore store = SqliteStore.open(big)) {
            for (int i = 0; i < 20; i++) {
                store.enroll("Speaker " + i, Fixtures.takes("S" + i, 3, MODEL_A, 2000), true, null);
            }
        }
        byte[] whole = Files.readAllBytes(big);
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        Files.write(big, half);
        String sentence = refusedUntouched(big, Kind.DAMAGED);
        assertTrue(sentence.startsWith("The database file '" + big + "' is damaged: "), sentence);
        StoreAssertions.assertOneSentence(sentence);
    }

    @Test
    void aNewerSchemaIsRefusedUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
        }
        String before = DbDump.of(file);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
        assertEquals(Kind.NEWER_VERSION, e.kind());
        assertEquals("The database file '" + file + "' was written by a newer Voxprint (schema 7; this version knows 3);"
                + " update Voxprint to use it.", e.getMessage());
        assertEquals(before, DbDump.of(file));
    }

    @Test
    void anUnknownAuditDecisionIsReportedAsDamage() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit (time_ms, kind, result, model_sha256) VALUES (1, 'verify', 'maybe', '" + MODEL_A + "')");
        }
        try (VoiceprintStore store = SqliteStore.open(file)) {
            StoreException e = assertThrows(StoreException.class, () -> store.audit().latest(5));
            assertEquals(Kind.DAMAGED, e.kind());
            assertEquals("The database file '" + file + "' is damaged: an audit line holds the unknown decision"
                    + " 'verify/maybe' (restore a backup or choose another file).", e.getMessage());
        }
    }

    @Test
    void aReadOnlyFileIsRefused() throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        String before = DbDump.of(file);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
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
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(inside));
        assertEquals(Kind.READ_ONLY, e.kind());
        assertEquals("Cannot keep the database '" + inside + "' in the folder '" + folder
                + "': it is read-only; choose a writable location.", e.getMessage());
        assertFalse(Files.exists(inside));
        // the existing database in a folder made read-only later is refused too (SQLite needs its -wal beside it)
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            String before = DbDump.of(file);
            assertEquals(Kind.READ_ONLY, assertThrows(StoreException.class, () -> SqliteStore.open(file)).kind());
            assertEquals(before, DbDump.of(file));
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFileSystemThatRefusesNewFilesIsReported() {
        // sysfs refuses new entries even to root: a real operating-system refusal, not a permission-bit check
        Path inside = Path.of("/sys/voxprint-test/voxprint.db");
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(inside));
        assertEquals(Kind.READ_ONLY, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Cannot keep the database '" + inside + "' in the folder '/sys/voxprint-test': "),
                e.getMessage());
        StoreAssertions.assertOneSentence(e.getMessage());
    }

    @Test
    void aFolderWhereTheFileShouldBe() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.db"));
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(folder));
        assertEquals(Kind.NOT_A_FILE, e.kind());
        assertEquals("'" + folder + "' is a folder, not a database file; choose a file name inside it.", e.getMessage());
        try (var list = Files.list(folder)) {
            assertEquals(0, list.count());
        }
    }

    @Test
    void aFullDiskLeavesTheDatabaseAsItWas() {
        // a quota below the file's size caps it where it is: SQLite answers SQLITE_FULL at the next
        // growth, exactly as when the disk fills
        try (VoiceprintStore store = SqliteStore.open(file, SqliteOptions.defaults().withMaxPages(1))) {
            StoreException e = StoreAssertions.refusedUnchanged(SqliteEngine.of(file), Kind.DISK_FULL,
                    () -> store.enroll("Carol", Fixtures.takes("Carol", 3, MODEL_A, 160_000), true, null));
            assertEquals("The disk holding the database '" + file + "' is full; nothing was saved (free some space and try again).",
                    e.getMessage());
            // the store stays usable for reading after the failure
            assertEquals(2, store.speakers().list().size());
            assertTrue(store.speakers().find("Carol").isEmpty());
        }
        // the quota belongs to the store opened with it, not to the file
        try (VoiceprintStore store = SqliteStore.open(file)) {
            store.enroll("Carol", Fixtures.takes("Carol", 3, MODEL_A, 160_000), true, null);
            assertEquals(3, store.speakers().list().size());
        }
    }

    /** Opening {@code file} is refused as {@code kind} and leaves its bytes as they were; gives the sentence. */
    private static String refusedUntouched(Path file, Kind kind) throws Exception {
        byte[] before = Files.readAllBytes(file);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStore.open(file));
        assertEquals(kind, e.kind(), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        return e.getMessage();
    }
}
