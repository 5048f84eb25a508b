package io.voxprint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster of the machine's own server binaries: {@code initdb} into a temporary
 * folder, {@code pg_ctl start} on a free loopback port with its socket in that folder and trust
 * authentication for the superuser {@code voxprint}. One per test JVM ({@link #shared()}), stopped by
 * {@link PostgresExtension} at the end of the run and by a shutdown hook otherwise. initdb refuses to
 * run as root, so as root both commands run as the {@code postgres} user on a folder it owns.
 */
public final class PostgresCluster {

    public static final String SUPERUSER = "voxprint";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster shared;

    private final Path bin;
    private final Path folder;
    private final boolean asPostgresUser;
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private int port;

    private PostgresCluster(Path bin, Path folder, boolean asPostgresUser) {
        this.bin = bin;
        this.folder = folder;
        this.asPostgresUser = asPostgresUser;
    }

    /** The cluster of this JVM, created and started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            PostgresCluster cluster = create();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy, "postgres-cluster-stop"));
            shared = cluster;
        }
        return shared;
    }

    /**
     * A cluster started beforehand on this machine's loopback port, with {@link #SUPERUSER} trusted, that
     * outlives this JVM: for benches run again and again on one large database. It cannot be stopped,
     * started or dumped from here.
     */
    public static PostgresCluster running(int port) {
        PostgresCluster cluster = new PostgresCluster(null, null, false);
        cluster.port = port;
        return cluster;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.destroy();
            shared = null;
        }
    }

    private static PostgresCluster create() {
        try {
            boolean root = isRoot();
            Path folder = Files.createTempDirectory("voxprint-pg-");
            if (root) {
                UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(folder, users.lookupPrincipalByName("postgres"));
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            PostgresCluster cluster = new PostgresCluster(serverBinaries(), folder, root);
            Path template = cluster.template();
            cluster.run(List.of("cp", "-a", template.toString(), cluster.data().toString()));
            cluster.start();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An initdb'd data folder kept in the temporary folder across runs: initdb takes seconds on a busy
     * machine, a copy of its result a few milliseconds. Made aside and renamed into place, so parallel
     * test JVMs never see half of one.
     */
    private Path template() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path template = tmp.resolve("voxprint-pg-template-" + bin.getParent().getFileName() + "-" + (asPostgresUser ? "postgres" : System.getProperty("user.name")));
        if (Files.isRegularFile(template.resolve("data/PG_VERSION"))) {
            return template.resolve("data");
        }
        Path fresh = Files.createTempDirectory(tmp, "voxprint-pg-template-");
        if (asPostgresUser) {
            Files.setOwner(fresh, fresh.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", fresh.resolve("data").toString(), "-A", "trust",
                "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"));
        try {
            Files.move(fresh, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // another JVM was faster: use its template and drop ours
            deleteTree(fresh);
        }
        return template.resolve("data");
    }

    /** Starts the server (again, after {@link #stop()}) on a free port; waits until it accepts connections. */
    public synchronized void start() {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            // a restart keeps its address: open stores and desks hold it
            int candidate = port != 0 ? port : freePort();
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", folder.resolve("log").toString(),
                        "-w", "-t", "60", "-o", "-p " + candidate + " -k " + folder + " -c listen_addresses=127.0.0.1"
                                // a scratch cluster: no durability needed, and the machine is shared with other builds
                                + " -c fsync=off -c full_page_writes=off -c max_connections=300",
                        "start"));
                port = candidate;
                return;
            } catch (IOException e) {
                last = e; // most likely another process took the port between probe and start
            }
        }
        throw new UncheckedIOException(last);
    }

    /** Stops the server quickly (connections are cut, as in a server restart). */
    public synchronized void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A fresh, empty database of this cluster. */
    public String createDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Creating database " + name + " failed", e);
        }
        return name;
    }

    /** The connection string Voxprint users type, for the superuser. */
    public String url(String database) {
        return "postgresql://" + SUPERUSER + "@127.0.0.1:" + port + "/" + database;
    }

    /** The connection string for another role (trust authentication: any password is accepted). */
    public String url(String database, String role) {
        return "postgresql://" + role + "@127.0.0.1:" + port + "/" + database;
    }

    /** A superuser JDBC connection, for setting up and checking a test's database independently of the code under test. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, SUPERUSER, "");
    }

    /**
     * What {@code pg_dump} of the machine's server binaries writes for {@code database} (plain SQL,
     * rows as COPY text, bytea as {@code \\x} hex): the administrator's view of a database.
     */
    public byte[] pgDump(String database) {
        List<String> command = List.of(bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", SUPERUSER, "--no-password", database);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Path data() {
        return folder.resolve("data");
    }

    /** Once: the end of the run and the shutdown hook both come here. */
    private void destroy() {
        if (destroyed.getAndSet(true)) {
            return;
        }
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Stopping the test PostgreSQL cluster failed: " + e.getMessage());
        }
        try {
            deleteTree(folder);
        } catch (IOException e) {
            System.err.println("Removing " + folder + " failed: " + e.getMessage());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            String log = Files.exists(folder.resolve("log")) ? Files.readString(folder.resolve("log")) : "";
            throw new IOException(String.join(" ", full) + " exited with " + p.exitValue() + ":\n" + output + "\n" + log);
        }
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    /** {@code VOXPRINT_PG_BIN}, or the newest {@code /usr/lib/postgresql/N/bin} (Debian's layout). */
    static Path serverBinaries() throws IOException {
        String configured = System.getenv("VOXPRINT_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> parseIntOr(v.getFileName().toString()))).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        throw new IOException("No PostgreSQL server binaries found: install postgresql-15 or set VOXPRINT_PG_BIN");
    }

    private static int parseIntOr(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
