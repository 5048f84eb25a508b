package io.voxprint.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.ChildJvm;
import io.voxprint.store.DbDump;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten desk processes enrolling and verifying on one PostgreSQL database while the server is stopped
 * and started again under them: each desk says so in one sentence, keeps the work the server did not
 * take and gives it again once the server is back, without a restart of the desk; afterwards nothing
 * is lost or half-made, every desk's index holds every speaker and the audit log every verification.
 */
@ExtendWith(PostgresExtension.class)
class DesksThroughRestartTest {

    private static final int DESKS = 10;
    /** Verifications each desk has done before the stop: every desk has committed work the outage must not lose. */
    private static final int BEFORE_STOP = 2;

    @TempDir
    Path folder;

    @Test
    void tenDesksCarryOnThroughAServerRestartWithOneSentenceEachAndNothingLost(PostgresCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        String url = cluster.url(db);
        PostgresStore.open(url).close(); // the schema, before the desks start
        String server = "127.0.0.1:" + cluster.port();
        List<ChildJvm> desks = new ArrayList<>();
        try {
            for (int d = 0; d < DESKS; d++) {
                desks.add(ChildJvm.start(OutageDeskChild.class.getName(), List.of("-Xmx128m"),
                        List.of(url, "desk" + d, folder.toString()), Map.of()));
            }
            awaitEvery(desks, "verified " + BEFORE_STOP + " speakers", out -> lines(out, "VERIFIED ").size() >= BEFORE_STOP);
            cluster.stop();
            try {
                // every desk has noticed, and has work the server did not take in its hands
                awaitEvery(desks, "said the server is lost and held some work",
                        out -> !lines(out, "SAYS ").isEmpty() && !lines(out, "HELD ").isEmpty());
            } finally {
                cluster.start();
            }
            awaitEvery(desks, "resumed work", out -> out.contains("RESUMED"));
            Files.createFile(folder.resolve("stop"));
            awaitEvery(desks, "stopped", out -> out.contains("DONE "));

            Set<String> everyone = names(cluster, db);
            Files.write(folder.resolve("total.tmp"), everyone);
            Files.move(folder.resolve("total.tmp"), folder.resolve("total"), StandardCopyOption.ATOMIC_MOVE);
            awaitEvery(desks, "seen every speaker", out -> out.contains("SEES ALL"));

            Set<String> enrolled = new HashSet<>();
            Set<String> verified = new HashSet<>();
            for (ChildJvm desk : desks) {
                assertEquals(0, desk.waitFor(60), desk.output());
                String out = desk.output();
                assertFalse(out.contains("FAILED") || out.contains("Exception") || out.contains("\tat "),
                        "no error and no stack trace at a desk:\n" + out);
                List<String> says = lines(out, "SAYS ");
                assertEquals(1, says.size(), "one sentence per desk for the outage, not one per try:\n" + out);
                assertEquals("The database server " + server + " cannot be reached; this desk keeps the speakers it knows "
                        + "and catches up when the server is back.", says.get(0));
                assertEquals(List.of("null"), lines(out, "BACK "), "the server is back once and the status cleared:\n" + out);
                for (String held : lines(out, "HELD ")) {
                    String sentence = held.substring(held.indexOf(": ") + 2);
                    assertTrue(sentence.startsWith("Voxprint cannot reach the database server " + server + " ")
                            && sentence.endsWith(".") && sentence.indexOf(". ") < 0, held);
                }
                List<String> heldWork = lines(out, "HELD ").stream().map(h -> h.substring(0, h.indexOf(": "))).toList();
                assertEquals(heldWork.size(), new HashSet<>(heldWork).size(), "each held piece of work said once:\n" + out);
                List<String> done = new ArrayList<>();
                lines(out, "ENROLLED ").forEach(n -> done.add("enroll " + n));
                lines(out, "VERIFIED ").forEach(n -> done.add("verify " + n));
                assertTrue(done.containsAll(heldWork), "every held piece of work was done once the server was back:\n" + out);
                enrolled.addAll(lines(out, "ENROLLED "));
                verified.addAll(lines(out, "VERIFIED "));
                assertTrue(out.contains("SEES ALL " + everyone.size() + " status null"), out);
            }
            System.out.printf("%d desks through a server restart: %d enrollments, %d pieces of work held and given again%n",
                    DESKS, enrolled.size(), desks.stream().mapToLong(d -> lines(d.output(), "HELD ").size()).sum());
            assertEquals(enrolled, everyone, "the database holds exactly the enrollments the desks reported");
            try (Connection c = cluster.connect(db); Statement s = c.createStatement()) {
                assertEquals(0, DbDump.count(s, "SELECT count(*) FROM speaker s WHERE (SELECT count(*) FROM enrollment e "
                        + "WHERE e.speaker_id = s.id) <> 2"), "a speaker without both recordings");
                assertEquals(0, DbDump.count(s, "SELECT count(*) FROM enrollment e WHERE NOT EXISTS "
                        + "(SELECT 1 FROM embedding m WHERE m.enrollment_id = e.id)"), "a recording without its embedding");
                List<String> audited = strings(s, "SELECT claimed_name FROM audit WHERE kind = 'verify' AND result = 'accepted' "
                        + "AND source = 'probe-' || claimed_name || '.wav'");
                assertEquals(verified.size(), audited.size(), "one audit line per verification:\n" + audited);
                assertEquals(verified, new HashSet<>(audited), "every verification a desk reported is in the audit log");
                assertEquals(verified.size(), DbDump.count(s, "SELECT count(*) FROM audit"), "no other audit line");
            }
        } finally {
            desks.forEach(ChildJvm::close);
        }
    }

    /** Until every desk's output satisfies {@code state}; a desk that fails or ends ends the wait for all. */
    private static void awaitEvery(List<ChildJvm> desks, String state, Predicate<String> reached) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L; // a bound for a machine shared with other builds, not a figure
        while (!desks.stream().allMatch(d -> reached.test(d.output()))) {
            boolean broken = desks.stream().anyMatch(d -> d.output().contains("FAILED") || !isRunning(d));
            if (broken || System.nanoTime() > deadline) {
                StringBuilder all = new StringBuilder("not every desk " + state + ":\n");
                for (int d = 0; d < desks.size(); d++) {
                    all.append("--- desk").append(d).append(":\n").append(desks.get(d).output()).append('\n');
                }
                throw new AssertionError(all.toString());
            }
            desks.get(0).waitForQuietly(100);
        }
    }

    private static boolean isRunning(ChildJvm desk) {
        try {
            return desk.waitForQuietly(0) || desk.output().contains("SEES ALL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The rest of every line that starts with {@code prefix}. */
    private static List<String> lines(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    private static Set<String> names(PostgresCluster cluster, String db) throws Exception {
        try (Connection c = cluster.connect(db); Statement s = c.createStatement()) {
            return new HashSet<>(strings(s, "SELECT name FROM speaker"));
        }
    }

    private static List<String> strings(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
