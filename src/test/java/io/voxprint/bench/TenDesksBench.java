package io.voxprint.bench;

import io.voxprint.store.ChildJvm;
import io.voxprint.store.DbDump;
import io.voxprint.store.postgres.PostgresStore;
import io.voxprint.testing.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ten desks enrolling and verifying at once on one PostgreSQL database (bench/store/ten-desks.sh; a
 * measurement, not a test): ten {@link DeskLoadChild} processes on a throwaway cluster, started
 * together, work for the given seconds; then every desk must see every enrollment in its index, and
 * the database must hold every speaker with both recordings and every verification's audit line.
 * Prints one JSON line: enrollments per second over all desks, the desks' median and 95th percentile
 * enrollment time, and the load average. With {@code --restart} the server is stopped half-way through
 * the run and started again once every desk has said it is lost; the line then also gives how long
 * the server was stopped, each desk's time without it (from losing its change listener to hearing
 * again), the sentences each desk said and the pieces of work each held and gave again.
 */
public final class TenDesksBench {

    private TenDesksBench() {
    }

    public static void main(String[] args) throws Exception {
        int desks = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        boolean restart = args.length > 2 && args[2].equals("--restart");
        PostgresCluster cluster = PostgresCluster.shared();
        String database = cluster.createDatabase();
        String url = cluster.url(database);
        PostgresStore.open(url).close(); // the schema, before the desks start
        Path folder = Files.createTempDirectory("voxprint-desks-");
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int d = 0; d < desks; d++) {
                children.add(ChildJvm.start(DeskLoadChild.class.getName(), List.of("-Xmx256m"),
                        List.of(url, "desk" + d, Integer.toString(seconds), folder.toString()), Map.of()));
            }
            for (ChildJvm child : children) {
                child.await("READY", 300);
            }
            String loadBefore = loadAverage();
            Files.createFile(folder.resolve("go"));
            double stoppedMs = restart ? restartHalfWay(cluster, children, seconds) : 0;
            long enrollments = 0;
            long verifications = 0;
            double[] medians = new double[desks];
            double[] p95s = new double[desks];
            List<String> sentences = new ArrayList<>();
            List<String> held = new ArrayList<>();
            List<String> msWithout = new ArrayList<>();
            for (int d = 0; d < desks; d++) {
                String[] done = children.get(d).await("DONE", seconds + 300L).split(" ");
                enrollments += Long.parseLong(done[1]);
                verifications += Long.parseLong(done[2]);
                medians[d] = Double.parseDouble(done[3]);
                p95s[d] = Double.parseDouble(done[4]);
                sentences.add(done[5]);
                held.add(done[6]);
                msWithout.add(done[7]);
                // one sentence per outage: none without a restart, one with it
                expect(restart ? 1 : 0, Long.parseLong(done[5]), "sentences said at desk" + d + " about the server");
            }
            String loadDuring = loadAverage();
            List<String> names = new ArrayList<>();
            try (Connection c = cluster.connect(database); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM speaker ORDER BY id")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            Path total = folder.resolve("total");
            Files.write(folder.resolve("total.tmp"), names);
            Files.move(folder.resolve("total.tmp"), total, StandardCopyOption.ATOMIC_MOVE);
            for (ChildJvm child : children) {
                child.await("SEES ALL", 300);
            }
            for (ChildJvm child : children) {
                if (child.waitFor(60) != 0 || child.output().contains("FAILED")) {
                    throw new IllegalStateException("a desk failed:\n" + child.output());
                }
            }
            check(cluster, database, enrollments, verifications, names.size());
            System.out.printf(Locale.ROOT, "{\"desks\": %d, \"seconds\": %d, \"enrollments\": %d, \"enrollments_per_s\": %.1f, "
                    + "\"verifications\": %d, \"enroll_median_ms\": %.1f, \"enroll_p95_ms\": %.1f, \"every_desk_sees_all\": true, "
                    + "\"audit_complete\": true, \"restart\": %b, \"server_stopped_ms\": %.0f, \"desk_ms_without_server\": %s, "
                    + "\"sentences_per_desk\": %s, \"held_per_desk\": %s, "
                    + "\"loadavg_before\": \"%s\", \"loadavg_after\": \"%s\", \"cores\": %d}%n",
                    desks, seconds, enrollments, enrollments / (double) seconds, verifications, Stats.median(medians),
                    Stats.median(p95s), restart, stoppedMs, msWithout, sentences, held, loadBefore, loadDuring,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            children.forEach(ChildJvm::close);
        }
    }

    /**
     * Half-way through the run: stops the server, waits until every desk has said so, starts it again.
     * Returns how long the server was stopped (from the stop command to the started server answering).
     */
    private static double restartHalfWay(PostgresCluster cluster, List<ChildJvm> children, int seconds) throws Exception {
        Thread.sleep(seconds * 500L); // the scenario's timing, not a wait for a state: the desks are working meanwhile
        long t0 = System.nanoTime();
        cluster.stop();
        try {
            for (ChildJvm child : children) {
                child.await("SAYS", 300);
            }
        } finally {
            cluster.start();
        }
        return Stats.ms(t0);
    }

    /** The database against the desks' own counts: every speaker whole, every verification audited. */
    private static void check(PostgresCluster cluster, String database, long enrollments, long verifications, int speakers)
            throws Exception {
        try (Connection c = cluster.connect(database); Statement s = c.createStatement()) {
            expect(enrollments, speakers, "speakers stored");
            expect(2 * enrollments, DbDump.count(s, "SELECT count(*) FROM embedding"), "embeddings stored");
            expect(0, DbDump.count(s, "SELECT count(*) FROM speaker s WHERE (SELECT count(*) FROM enrollment e WHERE e.speaker_id = s.id) <> 2"),
                    "speakers without both recordings");
            expect(verifications, DbDump.count(s, "SELECT count(*) FROM audit WHERE kind = 'verify'"), "verifications in the audit log");
        }
    }

    private static void expect(long want, long got, String what) {
        if (want != got) {
            throw new IllegalStateException(what + ": " + got + ", expected " + want);
        }
    }

    private static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
