package io.voxprint.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.ChildJvm;
import io.voxprint.store.DbDump;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many desk processes on one PostgreSQL database, and desks killed in the middle of an enrollment. */
@ExtendWith(PostgresExtension.class)
class BusyDesksTest {

    private static final int DESKS = 10;
    private static final int SPEAKERS_EACH = 3;

    @Test
    void tenDesksEnrollAndVerifyAtOnceAndEveryDeskSeesEveryEnrollment(PostgresCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        String url = cluster.url(db);
        try (var first = io.voxprint.store.postgres.PostgresStore.open(url)) {
            first.schemaVersion(); // the schema exists before ten desks race to create it... and they need not race
        }
        List<ChildJvm> desks = new ArrayList<>();
        try {
            long t0 = System.nanoTime();
            for (int d = 0; d < DESKS; d++) {
                desks.add(ChildJvm.start(BusyDeskChild.class.getName(), List.of("-Xmx256m"),
                        List.of("work", url, "desk" + d, Integer.toString(SPEAKERS_EACH), Integer.toString(DESKS * SPEAKERS_EACH)), Map.of()));
            }
            awaitEveryDeskSeesAll(desks);
            for (ChildJvm desk : desks) {
                assertEquals(0, desk.waitFor(60), desk.output());
                assertTrue(!desk.output().contains("FAILED"), desk.output());
            }
            System.out.printf("%d desks, %d enrollments and verifications each: %.1f s%n", DESKS, SPEAKERS_EACH,
                    (System.nanoTime() - t0) / 1e9);
        } finally {
            desks.forEach(ChildJvm::close);
        }
        try (Connection c = cluster.connect(db); Statement s = c.createStatement()) {
            assertEquals(DESKS * SPEAKERS_EACH, DbDump.count(s, "SELECT count(*) FROM speaker"));
            assertEquals(DESKS * SPEAKERS_EACH * 2, DbDump.count(s, "SELECT count(*) FROM embedding"));
            assertEquals(DESKS * SPEAKERS_EACH, DbDump.count(s, "SELECT count(*) FROM audit WHERE kind = 'verify' AND result = 'accepted'"),
                    "every verification is in the audit log");
        }
    }

    @Test
    void aDeskKilledInTheMiddleOfAnEnrollmentNeverLeavesAHalfMadeSpeaker(PostgresCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        String url = cluster.url(db);
        int takes = 8;
        for (int kill = 0; kill < 20; kill++) {
            try (ChildJvm desk = ChildJvm.start(BusyDeskChild.class.getName(), List.of("-Xmx256m"),
                    List.of("enroll-forever", url, "k" + kill, Integer.toString(takes)), Map.of())) {
                desk.await("ENROLLING", 60);
                if (kill % 2 == 1) {
                    desk.await("ENROLLING", 60); // the second one: sometimes after a whole speaker was committed
                }
                desk.kill();
            }
        }
        try (Connection c = cluster.connect(db); Statement s = c.createStatement()) {
            assertEquals(0, DbDump.count(s, "SELECT count(*) FROM speaker s WHERE (SELECT count(*) FROM enrollment e "
                    + "WHERE e.speaker_id = s.id) <> " + takes), "a speaker without all its recordings");
            assertEquals(0, DbDump.count(s, "SELECT count(*) FROM enrollment e WHERE NOT EXISTS (SELECT 1 FROM embedding m "
                    + "WHERE m.enrollment_id = e.id) OR NOT EXISTS (SELECT 1 FROM kept_audio k WHERE k.enrollment_id = e.id)"),
                    "a recording without its embedding or audio");
            assertTrue(DbDump.count(s, "SELECT count(*) FROM speaker") >= 1, "some enrollments were committed before a kill");
        }
    }

    /** Until every desk has seen every enrollment; the first desk that fails ends the wait for all. */
    private static void awaitEveryDeskSeesAll(List<ChildJvm> desks) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L; // a bound for a machine shared with other builds, not a figure
        while (!desks.stream().allMatch(d -> d.output().contains("SEES ALL"))) {
            if (desks.stream().anyMatch(d -> d.output().contains("FAILED")) || System.nanoTime() > deadline) {
                throw new AssertionError("not every desk saw every enrollment:\n" + everyDesk(desks));
            }
            desks.get(0).waitForQuietly(100);
        }
    }

    /** What every desk printed: the desk that failed is often not the one that noticed. */
    private static String everyDesk(List<ChildJvm> desks) {
        StringBuilder out = new StringBuilder();
        for (int d = 0; d < desks.size(); d++) {
            out.append("--- desk").append(d).append(":\n").append(desks.get(d).output()).append('\n');
        }
        return out.toString();
    }
}
