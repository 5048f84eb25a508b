package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.voxprint.Main;
import io.voxprint.store.ChildJvm;
import io.voxprint.store.DbDump;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voxprint db copy} killed with SIGKILL in the middle (a process of its own) and run again:
 * the target ends with every speaker, and the same content as a copy that was never interrupted,
 * in both directions between SQLite and PostgreSQL.
 */
@ExtendWith(PostgresExtension.class)
class DbCopyResumeTest {

    private static final String MODEL = "c".repeat(64);
    private static final int SPEAKERS = 120;
    private static final int KILL_AFTER = 30;

    @TempDir
    Path home;

    @Test
    void aCopyToPostgresKilledMidWayAndRunAgainEndsWholeAndEqualToTheSource(PostgresCluster cluster) throws Exception {
        Path source = home.resolve("source.db");
        fill(source);
        String db = cluster.createDatabase();
        String server = cluster.url(db);

        killMidWay(source.toString(), server);
        long afterKill = speakersIn(cluster, db);
        assertTrue(afterKill >= KILL_AFTER && afterKill < SPEAKERS, "the kill came mid-way: " + afterKill + " speakers copied");
        assertEquals(0, halfMadeSpeakers(cluster, db), "a speaker without all its recordings after the kill");

        resume(source.toString(), server, afterKill);
        // the server numbers rows itself (a killed transaction may use up numbers), so the content is
        // compared through a straight copy back into a SQLite file, which numbers them in order
        Path back = home.resolve("back.db");
        assertEquals(0, CliRun.run(CliRun.env(home), "db", "copy", "--from", server, "--to", back.toString()).exitCode);
        assertEquals(DbDump.of(source), DbDump.of(back), "the resumed copy differs from the source");
    }

    @Test
    void aCopyToSqliteKilledMidWayAndRunAgainIsByteForByteAStraightCopy(PostgresCluster cluster) throws Exception {
        Path origin = home.resolve("origin.db");
        fill(origin);
        String server = cluster.url(cluster.createDatabase());
        assertEquals(0, CliRun.run(CliRun.env(home), "db", "copy", "--from", origin.toString(), "--to", server).exitCode);
        Path resumed = home.resolve("resumed.db");
        Path straight = home.resolve("straight.db");

        killMidWay(server, resumed.toString());
        long afterKill;
        try (VoiceprintStore store = SqliteStore.open(resumed)) {
            afterKill = store.speakers().list().size();
            assertTrue(store.speakers().list().stream().allMatch(s -> s.enrollmentCount() == 2), "a half-made speaker after the kill");
        }
        assertTrue(afterKill >= KILL_AFTER && afterKill < SPEAKERS, "the kill came mid-way: " + afterKill + " speakers copied");

        resume(server, resumed.toString(), afterKill);
        assertEquals(0, CliRun.run(CliRun.env(home), "db", "copy", "--from", server, "--to", straight.toString()).exitCode);
        assertEquals(DbDump.of(straight), DbDump.of(resumed), "the resumed copy differs from a straight one");
        assertEquals(DbDump.of(origin), DbDump.of(resumed));
    }

    /** Runs the copy in a JVM of its own and kills it (SIGKILL) once it has reported {@link #KILL_AFTER} speakers. */
    private void killMidWay(String from, String to) throws Exception {
        try (ChildJvm copy = ChildJvm.start(Main.class.getName(), List.of("-Xmx256m"),
                List.of("db", "copy", "--from", from, "--to", to), CliRun.env(home))) {
            for (int i = 0; i < KILL_AFTER; i++) {
                copy.await("Copied '", 300);
            }
            copy.kill();
        }
    }

    /** Runs the copy again to its end: it copies the rest and recognises what the killed run had committed. */
    private void resume(String from, String to, long committedBefore) {
        CliRun again = CliRun.run(CliRun.env(home), "db", "copy", "--from", from, "--to", to);
        assertEquals(0, again.exitCode, again.err);
        JsonNode result = again.lines().get(0);
        assertEquals(committedBefore, result.get("alreadyThere").size());
        assertEquals(SPEAKERS - committedBefore, result.get("copied").size());
    }

    /** Speakers in name order (so a copy numbers them alike), two recordings each with kept audio, so copying one takes a while. */
    private static void fill(Path file) {
        Random random = new Random(11);
        try (VoiceprintStore store = SqliteStore.open(file)) {
            for (int i = 0; i < SPEAKERS; i++) {
                store.enroll(String.format(Locale.ROOT, "Speaker %03d", i),
                        List.of(take(random, i % 3 == 0), take(random, true)), true, null);
            }
        }
    }

    private static NewEnrollment take(Random r, boolean keepAudio) {
        float[] v = new float[192];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        float[] audio = null;
        if (keepAudio) {
            audio = new float[16_000 * 2];
            for (int i = 0; i < audio.length; i++) {
                audio[i] = (float) (0.1 * r.nextGaussian());
            }
        }
        return new NewEnrollment("take.wav", 3.5, 2.75, 0.001, 31.5, v, MODEL, audio);
    }

    private static long speakersIn(PostgresCluster cluster, String db) throws Exception {
        return count(cluster, db, "SELECT count(*) FROM speaker");
    }

    private static long halfMadeSpeakers(PostgresCluster cluster, String db) throws Exception {
        return count(cluster, db, "SELECT count(*) FROM speaker s WHERE (SELECT count(*) FROM enrollment e WHERE e.speaker_id = s.id) <> 2");
    }

    private static long count(PostgresCluster cluster, String db, String sql) throws Exception {
        try (Connection c = cluster.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
