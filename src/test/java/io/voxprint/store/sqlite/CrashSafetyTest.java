package io.voxprint.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.ChildJvm;
import io.voxprint.store.Fixtures;
import io.voxprint.store.Floats;
import io.voxprint.store.SpeakerArchive;
import io.voxprint.store.VoiceprintStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGKILL of a writing JVM at seeded random moments: after each kill the file must pass SQLite's
 * integrity check and hold whole calls only (every enrollment call, migration and import all or nothing).
 */
class CrashSafetyTest {

    private static final Logger log = LoggerFactory.getLogger(CrashSafetyTest.class);
    private static final Pattern TAKES = Pattern.compile(".*-t(\\d+)");
    private static final Pattern SOURCE = Pattern.compile(".*-(\\d+)\\.wav");
    private static final Set<String> V1_TABLES = new TreeSet<>(List.of("audit", "enrollment", "speaker"));
    private static final Set<String> CURRENT_TABLES = new TreeSet<>(
            List.of("audit", "embedding", "embedding_cache", "enrollment", "kept_audio", "property", "speaker"));

    @TempDir
    Path dir;

    @Test
    void killedWhileEnrollingLeavesOnlyWholeCalls() throws Exception {
        Random random = new Random(20251124);
        Path db = dir.resolve("kill.db");
        int speakersSeen = 0;
        for (int run = 0; run < 16; run++) {
            try (ChildJvm child = ChildJvm.start(List.of("enroll-loop", db.toString(), "r" + run), Map.of())) {
                if (run % 4 == 3) {
                    Thread.sleep(random.nextInt(900)); // anywhere from JVM start, open and recovery included
                } else {
                    child.await("READY", 30);
                    Thread.sleep(20 + random.nextInt(500));
                }
                child.kill();
            }
            speakersSeen = checkEnrollments(db);
        }
        log.info("enrollment kills: {} whole speakers after 16 kills", speakersSeen);
        assertTrue(speakersSeen >= 5, "the child should have completed several calls between kills, saw " + speakersSeen);
        try (VoiceprintStore store = SqliteStore.open(db)) {
            assertEquals(speakersSeen, store.speakers().list().size());
        }
    }

    /** Checks the invariants on disk with a plain connection; returns the number of speakers. */
    private static int checkEnrollments(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertEquals("ok", single(s, "PRAGMA integrity_check"));
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertTrue(!rs.next(), "a row points to nothing");
            }
            if (Integer.parseInt(single(s, "PRAGMA user_version")) == 0) {
                return 0; // killed before the first schema was committed
            }
            assertEquals("0", single(s, "SELECT count(*) FROM enrollment e WHERE NOT EXISTS "
                    + "(SELECT 1 FROM embedding m WHERE m.enrollment_id = e.id)"), "enrollment without embedding");
            assertEquals("0", single(s, "SELECT count(*) FROM embedding m WHERE NOT EXISTS "
                    + "(SELECT 1 FROM enrollment e WHERE e.id = m.enrollment_id)"), "orphan embedding");
            assertEquals("0", single(s, "SELECT count(*) FROM kept_audio k WHERE NOT EXISTS "
                    + "(SELECT 1 FROM enrollment e WHERE e.id = k.enrollment_id)"), "orphan audio");
            assertEquals("0", single(s, "SELECT count(*) FROM enrollment e WHERE NOT EXISTS "
                    + "(SELECT 1 FROM speaker s WHERE s.id = e.speaker_id)"), "orphan enrollment");
            Map<String, Integer> takesBySpeaker = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT s.name, e.source_name, m.vector, length(k.samples) FROM speaker s "
                    + "LEFT JOIN enrollment e ON e.speaker_id = s.id LEFT JOIN embedding m ON m.enrollment_id = e.id "
                    + "LEFT JOIN kept_audio k ON k.enrollment_id = e.id")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    takesBySpeaker.merge(name, rs.getString(2) == null ? 0 : 1, Integer::sum);
                    if (rs.getString(2) != null) {
                        Matcher m = SOURCE.matcher(rs.getString(2));
                        assertTrue(m.matches(), rs.getString(2));
                        int take = Integer.parseInt(m.group(1));
                        assertArrayEquals(Fixtures.vector(name, take, Fixtures.DIM), Floats.fromBytes(rs.getBytes(3)),
                                "embedding of " + rs.getString(2));
                        int call = Integer.parseInt(name.split("-")[1]);
                        assertEquals(call % 2 == 0 ? 8_000 * 4 : 0, rs.getInt(4), "kept audio of " + rs.getString(2));
                    }
                }
            }
            takesBySpeaker.forEach((name, count) -> {
                Matcher m = TAKES.matcher(name);
                assertTrue(m.matches(), name);
                assertEquals(Integer.parseInt(m.group(1)), count, "takes of " + name);
            });
            return takesBySpeaker.size();
        }
    }

    @Test
    void killedWhileMigratingLeavesTheOldOrTheNewFile() throws Exception {
        Path template = dir.resolve("v1.db");
        OldFiles.writeV1(template, 300, 5, 6_000);
        String content = OldFiles.contentV1(template);
        Path measured = copy(template, "measured.db");
        long millis = durationOf(List.of("migrate", measured.toString()), "OPENING");
        Random random = new Random(7);
        int old = 0;
        int upgraded = 0;
        for (int run = 0; run < 6; run++) {
            Path db = copy(template, "migrate-" + run + ".db");
            killedInside(List.of("migrate", db.toString()), "OPENING", millis, random);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                assertEquals("ok", single(s, "PRAGMA integrity_check"));
                int version = Integer.parseInt(single(s, "PRAGMA user_version"));
                if (version == 1) {
                    old++;
                    assertEquals(V1_TABLES, tables(s));
                    assertEquals(content, OldFiles.contentV1(c));
                } else {
                    upgraded++;
                    assertEquals(3, version);
                    assertEquals(CURRENT_TABLES, tables(s));
                    assertEquals(content, OldFiles.contentV2(c));
                }
            }
        }
        log.info("migration took {} ms; after kills: {} old, {} upgraded", millis, old, upgraded);
        // a killed migration is simply redone on the next open
        Path last = dir.resolve("migrate-5.db");
        SqliteStore.open(last).close();
        assertEquals(content, OldFiles.contentV2(last));
    }

    @Test
    void killedWhileImportingLeavesNoneOrAllOfTheArchive() throws Exception {
        Path base = dir.resolve("base.db");
        try (VoiceprintStore store = SqliteStore.open(base)) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, Fixtures.MODEL_A, 0), true, null);
            store.enroll("Bob", Fixtures.takes("Bob", 1, Fixtures.MODEL_A, 0), true, null);
        }
        Path archive = dir.resolve("large.json");
        int speakers = 400;
        int takes = 4;
        writeLargeArchive(archive, speakers, takes);
        Path measured = copy(base, "measured.db");
        long millis = durationOf(List.of("import", measured.toString(), archive.toString(), Fixtures.MODEL_A), "IMPORTING");
        Random random = new Random(11);
        int none = 0;
        int all = 0;
        for (int run = 0; run < 6; run++) {
            Path db = copy(base, "import-" + run + ".db");
            killedInside(List.of("import", db.toString(), archive.toString(), Fixtures.MODEL_A), "IMPORTING", millis, random);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                assertEquals("ok", single(s, "PRAGMA integrity_check"));
                int count = Integer.parseInt(single(s, "SELECT count(*) FROM speaker"));
                int enrollments = Integer.parseInt(single(s, "SELECT count(*) FROM enrollment"));
                int embeddings = Integer.parseInt(single(s, "SELECT count(*) FROM embedding"));
                if (count == 2) {
                    none++;
                    assertEquals(List.of(3, 3), List.of(enrollments, embeddings));
                } else {
                    all++;
                    assertEquals(2 + speakers, count);
                    assertEquals(3 + speakers * takes, enrollments);
                    assertEquals(3 + speakers * takes, embeddings);
                }
            }
        }
        log.info("import took {} ms; after kills: {} with none, {} with all", millis, none, all);
    }

    /** Runs the child to its end once, to aim the kills inside the slow step; returns the step's milliseconds. */
    private static long durationOf(List<String> args, String marker) throws Exception {
        String out = ChildJvm.runToEnd(args, Map.of());
        assertTrue(out.contains(marker), out);
        Matcher m = Pattern.compile("DONE (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    private Path copy(Path file, String name) throws IOException {
        return Files.copy(file, dir.resolve(name));
    }

    /** Starts the child and kills it at a random moment of its slow step (which takes about {@code millis}). */
    private static void killedInside(List<String> args, String marker, long millis, Random random) throws Exception {
        try (ChildJvm child = ChildJvm.start(args, Map.of())) {
            child.await(marker, 30);
            Thread.sleep(random.nextInt((int) Math.max(1, millis * 13 / 10)));
            child.kill();
        }
    }

    /** Written with plain Jackson trees, independently of {@link SpeakerArchive#export}. */
    private static void writeLargeArchive(Path file, int speakers, int takes) throws Exception {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < speakers; i++) {
            String name = "Imported " + i;
            List<Object> enrollments = new ArrayList<>();
            for (int t = 0; t < takes; t++) {
                enrollments.add(Map.of("source", name + "-" + t + ".wav", "seconds", 5.0, "netSpeechSeconds", 4.0,
                        "clippingRatio", 0.0, "snrDb", 25.0, "created", "2025-01-01T00:00:00Z",
                        "embeddings", List.of(Map.of("modelSha256", Fixtures.MODEL_A, "dimension", Fixtures.DIM,
                                "vector", Base64.getEncoder().encodeToString(Floats.toBytes(Fixtures.vector(name, t, Fixtures.DIM)))))));
            }
            list.add(Map.of("name", name, "created", "2025-01-01T00:00:00Z", "notes", "", "enrollments", enrollments));
        }
        new ObjectMapper().writeValue(file.toFile(), Map.of("format", "voxprint-speakers", "version", 1, "speakers", list));
    }

    private static Set<String> tables(Statement s) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
