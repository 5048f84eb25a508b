package io.voxprint.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.Fixtures;
import io.voxprint.store.KeptAudio;
import io.voxprint.store.Speaker;
import io.voxprint.store.VoiceprintStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersionOneFileIsUpgradedInPlaceKeepingEverything() throws Exception {
        Path file = dir.resolve("old.db");
        OldFiles.writeV1(file, 4, 3, 400);
        String before = OldFiles.contentV1(file);
        assertTrue(before.startsWith("12:"), before);

        try (VoiceprintStore store = SqliteStore.open(file)) {
            assertEquals(3, store.schemaVersion());
            // names that only differed in case now clash: the later one is renamed
            assertEquals(List.of("Anna", "anna (2)", "Speaker 2", "Speaker 3"),
                    store.speakers().list().stream().map(Speaker::name).toList());
            assertEquals(3, store.speakers().enrollments("anna (2)").size());
            assertArrayEquals(Fixtures.vector("anna", 1, Fixtures.DIM),
                    store.embeddings().ofModel(Fixtures.MODEL_A).get(1).embeddings().get(1));
            // enrollment ids 2, 4, 6... had audio: for "Anna" (ids 1-3) that is take 1
            List<KeptAudio> kept = store.speakers().keptAudio("Anna");
            assertEquals(1, kept.size());
            assertArrayEquals(Fixtures.audio("Anna", 1, 400), kept.get(0).samples());
            assertEquals("Anna", store.audit().latest(5).get(0).claimedName());
            // the new schema works on the upgraded file
            store.enroll("Anna", Fixtures.takes("Anna2", 1, Fixtures.MODEL_A, 0), false, null);
            assertEquals(4, store.speakers().find("ANNA").orElseThrow().enrollmentCount());
        }
        String after = OldFiles.contentV2(file);
        assertTrue(after.startsWith("13:"), after);
    }

    @Test
    void upgradedFileHasExactlyTheSchemaOfANewFile() throws Exception {
        Path old = dir.resolve("old.db");
        OldFiles.writeV1(old, 2, 1, 0);
        SqliteStore.open(old).close();
        Path fresh = dir.resolve("fresh.db");
        SqliteStore.open(fresh).close();
        assertEquals(schema(fresh), schema(old));
        assertTrue(schema(old).contains("CREATE TABLE embedding_cache"));
    }

    @Test
    void upgradeContentMatchesTheOldContentRowForRow() throws Exception {
        Path file = dir.resolve("old.db");
        OldFiles.writeV1(file, 5, 4, 300);
        String before = OldFiles.contentV1(file);
        SqliteStore.open(file).close();
        assertEquals(before, OldFiles.contentV2(file));
    }

    private static String schema(Path file) throws Exception {
        List<String> sql = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")) {
            while (rs.next()) {
                sql.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
            }
            try (ResultSet v = s.executeQuery("PRAGMA user_version")) {
                sql.add("user_version " + v.getInt(1));
            }
        }
        return String.join("\n", sql);
    }
}
