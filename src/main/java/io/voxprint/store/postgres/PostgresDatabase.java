package io.voxprint.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.voxprint.store.StoreException;
import io.voxprint.store.StoreException.Kind;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.jdbc.JdbcEngine;
import io.voxprint.store.jdbc.SqlWork;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL database behind a small connection pool: opening (connect, migrate), transactions
 * that join an outer one on the same thread, retries when another desk got in the way, and the
 * server's errors as sentences. Writing transactions are SERIALIZABLE, so the checks made before a
 * write (a free name, a model's dimension) hold at commit as they did under SQLite's single writer.
 */
final class PostgresDatabase implements JdbcEngine, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);
    /** How long a write is run again while other desks keep conflicting with it. */
    static final long RETRY_FOR_MS = 15_000;
    /** How long a call waits for a connection before it tells the user the server is not there. */
    static final long CONNECT_TIMEOUT_MS = 3_000;

    private final PostgresUrl url;
    private final HikariDataSource pool;
    private final TemplateCodec codec;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    private PostgresDatabase(PostgresUrl url, HikariDataSource pool, TemplateCodec codec) {
        this.url = url;
        this.pool = pool;
        this.codec = codec;
    }

    static PostgresDatabase open(PostgresUrl url, TemplateCodec codec) {
        if (codec == null) {
            throw new IllegalArgumentException("codec");
        }
        // Connect once without the pool first: a wrong password or a stopped server becomes one sentence
        // at once, instead of a pool that keeps trying in the background.
        try (Connection c = connect(url)) {
            c.setAutoCommit(false);
            PostgresSchema.refuseNewer(c, url);
            PostgresSchema.upgrade(c);
        } catch (SQLException e) {
            log.warn("Opening {} failed", url, e);
            throw PostgresErrors.translate(e, url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(false);
        config.setPoolName("voxprint-" + url.host() + "-" + url.database());
        config.addDataSourceProperty("ApplicationName", "voxprint");
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new PostgresDatabase(url, new HikariDataSource(config), codec);
    }

    /** A connection outside the pool (schema upgrade, LISTEN). */
    static Connection connect(PostgresUrl url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        if (url.password() != null) {
            p.setProperty("password", url.password());
        }
        p.setProperty("ApplicationName", "voxprint");
        p.setProperty("connectTimeout", "3");
        p.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }

    PostgresUrl url() {
        return url;
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        return transaction(false, work);
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return transaction(true, work);
    }

    /** As on SQLite: plain, or the sealing codec of a protected database, so the server only ever holds ciphertext. */
    @Override
    public TemplateCodec codec() {
        return codec;
    }

    @Override
    public StoreException damaged(String detail) {
        return new StoreException(Kind.DAMAGED, "The database " + url + " is damaged: " + detail + ".");
    }

    @Override
    public long insert(Connection c, String insertSql, Binding values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql + " RETURNING id")) {
            values.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Binary COPY: see {@link PostgresBulkRows}. */
    @Override
    public boolean bulkEmbeddingRows(Connection c, String modelSha256, boolean inIndexOrder, EmbeddingRow sink)
            throws SQLException {
        PostgresBulkRows.read(c, modelSha256, inIndexOrder, sink);
        return true;
    }

    @Override
    public String insertionOrder() {
        return "added";
    }

    @Override
    public String upsert(String table, List<String> columns, List<String> key) {
        List<String> updated = columns.stream().filter(c -> !key.contains(c)).map(c -> c + " = excluded." + c).toList();
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON CONFLICT (" + String.join(", ", key)
                + ") DO UPDATE SET " + String.join(", ", updated);
    }

    private <T> T transaction(boolean readOnly, SqlWork<T> work) {
        Connection joined = current.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new JoinedFailure(e); // the outermost transaction rolls back, retries or translates it
            }
        }
        if (pool.isClosed()) {
            throw new StoreException(Kind.CLOSED, "The voiceprint store " + url + " is already closed.");
        }
        long deadline = System.nanoTime() + RETRY_FOR_MS * 1_000_000L;
        for (int attempt = 1;; attempt++) {
            try {
                return once(readOnly, work);
            } catch (SQLException e) {
                if (!readOnly && PostgresErrors.isRetryable(e) && System.nanoTime() < deadline) {
                    log.debug("{}: conflict with another desk (attempt {}), running the transaction again", url, attempt);
                    pause(attempt);
                    continue;
                }
                if (PostgresErrors.isUnavailable(e)) {
                    // pooled connections to a restarted server are all dead: drop them, so the next call connects anew
                    pool.getHikariPoolMXBean().softEvictConnections();
                    if (readOnly && attempt == 1) {
                        continue; // a read may simply run again; a write may have reached the server, so it is reported
                    }
                }
                log.warn("Store operation on {} failed", url, e);
                throw PostgresErrors.translate(e, url);
            }
        }
    }

    private <T> T once(boolean readOnly, SqlWork<T> work) throws SQLException {
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw unwrapPoolFailure(e);
        }
        try (c) {
            c.setTransactionIsolation(readOnly ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_SERIALIZABLE);
            c.setReadOnly(readOnly);
            current.set(c);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (JoinedFailure e) {
                rollbackQuietly(c);
                throw e.sqlCause();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                current.remove();
            }
        }
    }

    /** Hikari reports a server that is not there as its own timeout; the driver's reason is the cause. */
    private static SQLException unwrapPoolFailure(SQLException e) {
        if (e.getSQLState() == null && e.getCause() instanceof SQLException cause) {
            return cause;
        }
        if (e.getSQLState() == null) {
            return new SQLException(e.getMessage(), "08001", e);
        }
        return e;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20 + Math.min(attempt, 10) * 10));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StoreException(Kind.BUSY, "Saving was interrupted; nothing was saved.", ie);
        }
    }

    private void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("Rollback on {} failed (the connection is gone: the server rolled back)", url, e);
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

    @Override
    public void close() {
        pool.close();
    }
}
