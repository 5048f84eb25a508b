package io.voxprint.bench;

import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.store.Inputs;
import io.voxprint.store.jdbc.JdbcEmbeddings;
import io.voxprint.store.postgres.PostgresBulkRows;
import io.voxprint.store.postgres.PostgresStore;
import io.voxprint.testing.PostgresCluster;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A desk's start-up on a PostgreSQL database of many speakers (bench/store/pg-index.sh; a measurement,
 * not a test): a throwaway cluster is filled through COPY (not through the app) with speakers of one
 * 192-value embedding each, then the time from opening the store to the speaker index being ready is
 * taken (the first time in this JVM, as a desk starts, and the median over the repetitions),
 * alternating with the peer: psql copying the very same rows to /dev/null, the least any client can
 * spend getting them off the server (under the settings the desk reads them with). Then the same
 * load in fresh desk processes, started with the installed launcher's heap options, which
 * pg-index.sh passes in BENCH_DESK_HEAP_OPTS. Prints one JSON line.
 */
public final class PostgresIndexBench {

    private static final String MODEL = "e".repeat(64);
    private static final int DIM = 192;
    private static final byte[] COPY_SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    private PostgresIndexBench() {
    }

    public static void main(String[] args) throws Exception {
        int speakers = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        PostgresCluster cluster = args.length > 2 ? PostgresCluster.running(Integer.parseInt(args[2])) : PostgresCluster.shared();
        String database = args.length > 2 ? "bench_" + speakers : cluster.createDatabase();
        String url = cluster.url(database);
        double fillS = 0;
        if (args.length <= 2 || !filled(cluster, database, speakers)) {
            PostgresStore.open(url).close(); // the schema, as a desk creates it
            long f = System.nanoTime();
            fill(cluster, database, speakers);
            fillS = (System.nanoTime() - f) / 1e9;
        }

        double[] deskMs = new double[reps];
        double[] peerMs = new double[reps];
        double[] deskCpuMs = new double[reps];
        double[] peerCpuMs = new double[reps];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<String> loads = new ArrayList<>();
        int indexed = 0;
        for (int r = 0; r < reps; r++) {
            loads.add(loadAverage());
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            try (PostgresStore store = PostgresStore.open(url)) {
                indexed = new SpeakerCatalog(store).index(MODEL, DIM).size();
            }
            deskMs[r] = Stats.ms(t0);
            deskCpuMs[r] = (os.getProcessCpuTime() - cpu0) / 1e6;
            long t1 = System.nanoTime();
            peerCpuMs[r] = psqlCopyToNull(cluster, database);
            peerMs[r] = Stats.ms(t1);
            System.err.printf(Locale.ROOT, "rep %d: desk %.0f ms (%.0f ms CPU), psql %.0f ms (%.0f ms CPU)%n", r, deskMs[r],
                    deskCpuMs[r], peerMs[r], peerCpuMs[r]);
        }
        loads.add(loadAverage());
        // as a desk starts: a new JVM (with the installed app's heap setting) that opens the store and loads the index
        double[] freshMs = new double[reps];
        double[] freshCpuMs = new double[reps];
        double[] freshRssMb = new double[reps];
        for (int r = 0; r < reps; r++) {
            String[] line = freshDesk(url).split(" ");
            freshMs[r] = Double.parseDouble(line[0]);
            freshCpuMs[r] = Double.parseDouble(line[1]);
            freshRssMb[r] = Double.parseDouble(line[4]);
            System.err.printf(Locale.ROOT, "fresh desk process %d: store opened and index loaded in %.0f ms (of which opening %s ms;"
                    + " %s ms since the JVM started; %.0f ms CPU; peak RSS %.0f MB)%n", r, freshMs[r], line[2], line[3], freshCpuMs[r],
                    freshRssMb[r]);
        }
        loads.add(loadAverage());
        if (indexed != speakers) {
            throw new IllegalStateException("the index holds " + indexed + " speakers, not " + speakers);
        }
        System.out.printf(Locale.ROOT, "{\"speakers\": %d, \"dimension\": %d, \"reps\": %d, \"fill_s\": %.1f, "
                + "\"fresh_desk_index_ms\": %.0f, \"fresh_desk_cpu_ms\": %.0f, \"fresh_desk_peak_rss_mb\": %.0f, \"desk_index_first_ms\": %.0f, \"desk_index_ms\": %.0f, \"psql_copy_ms\": %.0f, \"ratio\": %.2f, \"desk_cpu_ms\": %.0f, \"psql_cpu_ms\": %.0f, "
                + "\"loadavg_1min\": %s, \"cores\": %d}%n",
                speakers, DIM, reps, fillS, Stats.median(freshMs), Stats.median(freshCpuMs), Stats.median(freshRssMb), deskMs[0], Stats.median(deskMs), Stats.median(peerMs),
                Stats.median(deskMs) / Stats.median(peerMs), Stats.median(deskCpuMs), Stats.median(peerCpuMs), "\"" + String.join(" ", loads) + "\"",
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@link FreshDesk} in a new JVM with the installed launcher's heap options; gives its line
     * (see {@link FreshDesk}).
     */
    private static String freshDesk(String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=bench/logback-bench.xml"));
        String heap = System.getenv("BENCH_DESK_HEAP_OPTS");
        if (heap == null) {
            throw new IllegalStateException("BENCH_DESK_HEAP_OPTS is not set: run the bench through bench/store/pg-index.sh");
        }
        command.addAll(options(heap));
        // e.g. a flight recording of the desk: BENCH_DESK_JVM_OPTS=-XX:StartFlightRecording=filename=desk.jfr
        command.addAll(options(System.getenv().getOrDefault("BENCH_DESK_JVM_OPTS", "")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FreshDesk.class.getName(), url, MODEL, Integer.toString(DIM)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IOException("the desk process failed: " + out);
        }
        return out.substring(out.lastIndexOf('\n') + 1); // the JVM's own lines (a recording's) come before
    }

    /** JVM options separated by white space. */
    private static List<String> options(String line) {
        return line.isBlank() ? List.of() : List.of(line.strip().split("\\s+"));
    }

    /**
     * A desk's start in its own JVM: open the store, load the index; prints one line: milliseconds to
     * the index, CPU milliseconds of the process so far, milliseconds opening the store took,
     * milliseconds since the JVM started, and the peak RSS in MB.
     */
    public static final class FreshDesk {
        private FreshDesk() {
        }

        public static void main(String[] args) {
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long t0 = System.nanoTime();
            int size;
            double openMs;
            try (PostgresStore store = PostgresStore.open(args[0])) {
                openMs = Stats.ms(t0);
                size = new SpeakerCatalog(store).index(args[1], Integer.parseInt(args[2])).size();
            }
            double ms = Stats.ms(t0);
            if (size == 0) {
                throw new IllegalStateException("no speakers indexed");
            }
            double sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf(Locale.ROOT, "%.0f %.0f %.0f %.0f %d%n", ms, os.getProcessCpuTime() / 1e6, openMs, sinceStart, peakRssMb());
        }
    }

    /**
     * Whether the kept cluster's database of this size was filled by an earlier run; creates it empty
     * when it does not exist.
     */
    private static boolean filled(PostgresCluster cluster, String database, int speakers) throws SQLException {
        try (Connection c = cluster.connect("postgres"); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + database + "'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                s.execute("CREATE DATABASE " + database);
                return false;
            }
        }
        try (Connection c = cluster.connect(database); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM embedding")) {
            rs.next();
            return rs.getInt(1) == speakers;
        } catch (SQLException e) {
            throw new SQLException("The kept database " + database + " is neither empty nor filled by this bench: drop it", e);
        }
    }

    /** This process's peak resident memory (VmHWM), in MB. */
    static long peakRssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** One speaker, one enrollment and one embedding each, through three binary COPY streams. */
    private static void fill(PostgresCluster cluster, String database, int speakers) throws SQLException, IOException {
        try (Connection c = cluster.connect(database)) {
            PGConnection copy = c.unwrap(PGConnection.class);
            try (DataOutputStream out = copyIn(copy, "COPY speaker (id, name, name_key, created_ms) FROM STDIN (FORMAT binary)")) {
                for (int i = 1; i <= speakers; i++) {
                    String name = String.format(Locale.ROOT, "Speaker %07d", i);
                    out.writeShort(4);
                    longField(out, i);
                    textField(out, name);
                    textField(out, Inputs.nameKey(name));
                    longField(out, 1_700_000_000_000L);
                }
                out.writeShort(-1);
            }
            try (DataOutputStream out = copyIn(copy, "COPY enrollment (id, speaker_id, source_name, seconds, net_speech_seconds,"
                    + " clipping_ratio, snr_db, created_ms) FROM STDIN (FORMAT binary)")) {
                for (int i = 1; i <= speakers; i++) {
                    out.writeShort(8);
                    longField(out, i);
                    longField(out, i);
                    textField(out, "take.wav");
                    doubleField(out, 5);
                    doubleField(out, 4);
                    doubleField(out, 0);
                    doubleField(out, 30);
                    longField(out, 1_700_000_000_000L);
                }
                out.writeShort(-1);
            }
            SplittableRandom random = new SplittableRandom(42);
            try (DataOutputStream out = copyIn(copy, "COPY embedding (enrollment_id, model_sha256, dimension, vector) FROM STDIN (FORMAT binary)")) {
                byte[] vector = new byte[DIM * 4];
                for (int i = 1; i <= speakers; i++) {
                    for (int d = 0; d < DIM; d++) {
                        int bits = Float.floatToRawIntBits((float) (random.nextDouble() * 2 - 1));
                        vector[4 * d] = (byte) bits; // float32 little-endian, as the store keeps it
                        vector[4 * d + 1] = (byte) (bits >> 8);
                        vector[4 * d + 2] = (byte) (bits >> 16);
                        vector[4 * d + 3] = (byte) (bits >> 24);
                    }
                    out.writeShort(4);
                    longField(out, i);
                    textField(out, MODEL);
                    out.writeInt(4);
                    out.writeInt(DIM);
                    out.writeInt(vector.length);
                    out.write(vector);
                }
                out.writeShort(-1);
            }
            try (Statement s = c.createStatement()) {
                // ids given above: later inserts of a desk continue after them
                s.execute("SELECT setval(pg_get_serial_sequence('speaker', 'id'), " + speakers + ")");
                s.execute("SELECT setval(pg_get_serial_sequence('enrollment', 'id'), " + speakers + ")");
                s.execute("VACUUM ANALYZE");
            }
        }
    }

    private static DataOutputStream copyIn(PGConnection copy, String sql) throws SQLException, IOException {
        OutputStream raw = new PGCopyOutputStream(copy, sql);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.write(COPY_SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
        return out;
    }

    private static void longField(DataOutputStream out, long v) throws IOException {
        out.writeInt(8);
        out.writeLong(v);
    }

    private static void doubleField(DataOutputStream out, double v) throws IOException {
        out.writeInt(8);
        out.writeDouble(v);
    }

    private static void textField(DataOutputStream out, String v) throws IOException {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /**
     * psql's own COPY of the rows the desk reads, to /dev/null; gives psql's CPU time (user and system,
     * as bash's {@code time} reports it), the client's share, as the desk's CPU time is the desk's.
     */
    private static double psqlCopyToNull(PostgresCluster cluster, String database) throws IOException, InterruptedException {
        String bin = System.getenv().getOrDefault("VOXPRINT_PG_BIN", "/usr/lib/postgresql/15/bin");
        String copy = "\\copy (" + JdbcEmbeddings.rowsOfModelInAnyOrder("'" + MODEL + "'", "true") + ") TO '/dev/null' (FORMAT binary)";
        List<String> command = new ArrayList<>(List.of(bin + "/psql", "-X", "-q", "-h", "127.0.0.1", "-p", String.valueOf(cluster.port()),
                "-U", PostgresCluster.SUPERUSER, "-d", database, "-v", "ON_ERROR_STOP=1"));
        for (String setting : PostgresBulkRows.SETTINGS) { // as the desk's COPY runs; SET LOCAL lasts one transaction
            command.addAll(List.of("-c", "'" + setting.replace("SET LOCAL", "SET").replace("'", "'\\''") + "'"));
        }
        command.addAll(List.of("-c", "\"$COPY\""));
        String psql = String.join(" ", command);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "TIMEFORMAT='%U %S'; time " + psql).redirectErrorStream(true);
        pb.environment().put("COPY", copy);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("psql failed: " + output);
        }
        String[] times = output.strip().lines().reduce((a, b) -> b).orElse("0 0").split(" ");
        return (Double.parseDouble(times[0]) + Double.parseDouble(times[1])) * 1000;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
