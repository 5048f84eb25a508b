package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.voxprint.store.DbDump;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.postgres.PostgresEngine;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code voxprint db copy} and {@code db info} between a SQLite file and a real PostgreSQL server. */
@ExtendWith(PostgresExtension.class)
class DbCommandTest {

    private static final String MODEL = "d".repeat(64);
    private static final String NEWER_MODEL = "e".repeat(64);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @TempDir
    Path home;

    @Test
    void sqliteToPostgresAndBackRoundTripsEveryByteAndCopyingAgainCopiesNothing(PostgresCluster cluster) {
        Path source = home.resolve("source.db");
        fill(source);
        String server = cluster.url(cluster.createDatabase());
        Path back = home.resolve("back.db");
        Map<String, String> env = CliRun.env(home);

        CliRun there = CliRun.run(env, "db", "copy", "--from", source.toString(), "--to", server);
        assertEquals(0, there.exitCode, there.err);
        assertEquals(List.of("Alice", "Bob", "Carol"), names(there.lines().get(0).get("copied")));

        CliRun again = CliRun.run(env, "db", "copy", "--from", source.toString(), "--to", server);
        assertEquals(0, again.exitCode, again.err);
        assertEquals(List.of(), names(again.lines().get(0).get("copied")));
        assertEquals(List.of("Alice", "Bob", "Carol"), names(again.lines().get(0).get("alreadyThere")));

        CliRun home2 = CliRun.run(env, "db", "copy", "--from", server, "--to", back.toString());
        assertEquals(0, home2.exitCode, home2.err);
        assertEquals(DbDump.of(source), DbDump.of(back), "SQLite -> PostgreSQL -> SQLite changed something");

        CliRun info = CliRun.run(env, "--db", server, "db", "info");
        assertEquals(0, info.exitCode, info.err);
        JsonNode i = info.lines().get(0);
        assertEquals("postgresql", i.get("engine").asText());
        assertEquals(3, i.get("schemaVersion").asInt());
        assertEquals(3, i.get("speakers").asInt());
        assertEquals(6, i.get("embeddings").asInt(), "five takes, one of them embedded by two models");
        assertTrue(!i.get("location").asText().contains("password"));
        CliRun fileInfo = CliRun.run(env, "--db", back.toString(), "db", "info");
        assertEquals("sqlite", fileInfo.lines().get(0).get("engine").asText());
        assertEquals(6, fileInfo.lines().get(0).get("embeddings").asInt());
    }

    @Test
    void aNameClashRefusesTheWholeCopyInOneSentenceAndChangesNothing(PostgresCluster cluster) {
        Path source = home.resolve("source.db");
        fill(source);
        String db = cluster.createDatabase();
        try (VoiceprintStore target = io.voxprint.store.postgres.PostgresStore.open(cluster.url(db))) {
            target.enroll("bob", List.of(take(new float[] {1, 0, 0, 0}, null)), true, null);
        }
        String before = PostgresEngine.dump(cluster, db);
        CliRun r = CliRun.run(CliRun.env(home), "db", "copy", "--from", source.toString(), "--to", cluster.url(db));
        assertEquals(VoxprintCli.ERROR, r.exitCode);
        assertTrue(r.err.contains("'bob'") && r.err.contains("nothing was copied"), r.err);
        assertEquals(1, r.err.strip().split("\n").length, r.err);
        assertEquals(before, PostgresEngine.dump(cluster, db));
    }

    @Test
    void anUnreachableServerIsOneSentence(PostgresCluster cluster) {
        String nobody = "postgresql://u:secret@127.0.0.1:1/voxprint";
        CliRun r = CliRun.run(CliRun.env(home), "--db", nobody, "db", "info");
        assertEquals(VoxprintCli.ERROR, r.exitCode);
        assertTrue(r.err.contains("cannot reach the database server 127.0.0.1:1"), r.err);
        assertTrue(!r.err.contains("secret") && r.err.strip().split("\n").length == 1, r.err);
    }

    /** Three speakers enrolled in name order (so ids come out the same after a copy), with all a speaker can own. */
    private static void fill(Path file) {
        Random random = new Random(5);
        try (VoiceprintStore store = SqliteStore.open(file)) {
            store.enroll("Alice", List.of(take(vector(random), audio(random)), take(vector(random), null)), true, PNG);
            store.speakers().setNotes("Alice", "front desk, Mondays");
            store.enroll("Bob", List.of(take(vector(random), audio(random))), true, null);
            store.enroll("Carol", List.of(take(vector(random), null), take(vector(random), audio(random))), true, null);
            long bobsTake = store.speakers().enrollments("Bob").get(0).id();
            store.embeddings().put(bobsTake, NEWER_MODEL, new float[] {0.25f, -1.5f, 3f});
        }
    }

    private static NewEnrollment take(float[] embedding, float[] audio) {
        return new NewEnrollment("take.wav", 3.5, 2.75, 0.001, 31.5, embedding, MODEL, audio);
    }

    private static float[] vector(Random r) {
        float[] v = new float[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static float[] audio(Random r) {
        float[] a = new float[1600];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (0.1 * r.nextGaussian());
        }
        return a;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
