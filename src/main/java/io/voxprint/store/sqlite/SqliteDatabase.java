package io.voxprint.store.sqlite;

import io.voxprint.store.StoreException;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.StoreException.Kind;
import io.voxprint.store.jdbc.JdbcEngine;
import io.voxprint.store.jdbc.SqlLog;
import io.voxprint.store.jdbc.SqlWork;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One SQLite file behind one connection: opening (checks, pragmas, migrations), transactions, retries
 * while another program holds the lock, and SQLite's errors as sentences. Calls are serialised on the
 * connection; a transaction started inside another on the same thread joins it, so a unit of work
 * spanning several kinds of record commits once.
 */
final class SqliteDatabase implements JdbcEngine, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);
    static final int BUSY_TIMEOUT_MS = 5_000;
    /** How long a transaction is retried when SQLite answers "locked" without waiting (WAL snapshot races). */
    static final long RETRY_FOR_MS = 15_000;

    private final Path file;
    private final Connection connection;
    private boolean closed;
    /** Open transactions on this connection; above 0 a new one joins the outermost. */
    private int depth;

    private final TemplateCodec codec;

    private SqliteDatabase(Path file, Connection connection, TemplateCodec codec) {
        this.file = file;
        this.connection = connection;
        this.codec = codec;
    }

    /** Opens the file, creating it (mode 0600, folders 0700) or upgrading an older schema in place. */
    static SqliteDatabase open(Path file, SqliteOptions options) {
        Path path = file.toAbsolutePath().normalize();
        SqliteFiles.prepare(path);
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.resetOpenMode(SQLiteOpenMode.CREATE); // we created the file ourselves, with its permissions
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            c = SqlLog.wrap(config.createConnection("jdbc:sqlite:" + path));
            prepareConnection(c, path, options);
            return new SqliteDatabase(path, c, options.codec());
        } catch (SQLException e) {
            closeQuietly(c);
            throw SqliteErrors.translate(e, path);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void prepareConnection(Connection c, Path path, SqliteOptions options) throws SQLException {
        // Reading comes first and writes nothing, so a damaged or newer file is refused untouched.
        SqliteSchema.MIGRATIONS.refuseNewer(SqliteSchema.version(c), "file '" + path + "'");
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw SqliteErrors.damaged(path, "SQLite's check reports \"" + verdict + "\"", null);
                }
            }
            String mode = retryingBusy(path, () -> {
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            });
            if (!"wal".equalsIgnoreCase(mode)) {
                log.warn("{} stays in journal mode {}", path, mode);
            }
            // FULL: a committed enrollment survives a power cut, not only a crash; writes are rare.
            s.execute("PRAGMA synchronous = FULL");
            // deleted voiceprints are overwritten, not left in free pages
            s.execute("PRAGMA secure_delete = ON");
            retryingBusy(path, () -> {
                SqliteSchema.upgrade(c, path, SqliteSchema.CURRENT);
                return null;
            });
            s.execute("PRAGMA foreign_keys = ON");
            if (options.maxPages() > 0) {
                s.execute("PRAGMA max_page_count = " + options.maxPages());
            }
        }
    }

    @Override
    public TemplateCodec codec() {
        return codec;
    }

    Path file() {
        return file;
    }

    @Override
    public synchronized <T> T write(SqlWork<T> work) {
        return transaction("BEGIN IMMEDIATE", work);
    }

    @Override
    public synchronized <T> T read(SqlWork<T> work) {
        return transaction("BEGIN", work);
    }

    @Override
    public StoreException damaged(String detail) {
        return SqliteErrors.damaged(file, detail, null);
    }

    @Override
    public long insert(Connection c, String insertSql, Binding values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql)) {
            values.bind(ps);
            ps.executeUpdate();
        }
        return lastId(c);
    }

    @Override
    public String insertionOrder() {
        return "rowid";
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> key) {
        return "INSERT OR REPLACE INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    private <T> T transaction(String begin, SqlWork<T> work) {
        if (closed) {
            throw new StoreException(Kind.CLOSED, "The voiceprint store '" + file + "' is already closed.");
        }
        if (depth > 0) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new JoinedFailure(e); // the outermost transaction rolls back, retries or translates it
            }
        }
        try {
            return retryingBusy(file, () -> {
                try (Statement s = connection.createStatement()) {
                    s.execute(begin);
                    depth++;
                    try {
                        T result = work.run(connection);
                        s.execute("COMMIT");
                        return result;
                    } catch (JoinedFailure e) {
                        rollbackQuietly();
                        throw e.sqlCause();
                    } catch (SQLException | RuntimeException | Error e) {
                        rollbackQuietly();
                        throw e;
                    } finally {
                        depth--;
                    }
                }
            });
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, file);
        }
    }

    /** Carries a failure of work that joined a transaction out to the one that began it. */
    private static final class JoinedFailure extends RuntimeException {
        JoinedFailure(SQLException cause) {
            super(cause);
        }

        SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }

    private void rollbackQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back (SQLITE_FULL, SQLITE_BUSY on commit): nothing left to undo
            log.debug("Rollback of {} found no transaction", file, e);
        }
    }

    /**
     * Runs {@code work} again while SQLite reports "busy" or "locked": busy_timeout already waits
     * for locks, but a WAL reader that must upgrade, or a file in recovery, is answered at once.
     */
    @FunctionalInterface
    interface SqlAction<T> {
        T run() throws SQLException;
    }

    static <T> T retryingBusy(Path file, SqlAction<T> work) throws SQLException {
        long deadline = System.nanoTime() + RETRY_FOR_MS * 1_000_000L;
        for (int attempt = 1;; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!SqliteErrors.isBusy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                log.debug("{} busy (attempt {}), retrying", file, attempt);
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20 + Math.min(attempt, 10) * 10));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The id SQLite gave the row this connection inserted last. */
    static long lastId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing a connection failed", e);
            }
        }
    }
}
