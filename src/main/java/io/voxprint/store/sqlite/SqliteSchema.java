package io.voxprint.store.sqlite;

import io.voxprint.store.Inputs;
import io.voxprint.store.StoreException;
import io.voxprint.store.jdbc.SchemaMigrations;
import io.voxprint.store.jdbc.SchemaMigrations.Step;
import io.voxprint.store.jdbc.SchemaTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQLite schema's steps and where SQLite keeps the version ({@code PRAGMA user_version}); the
 * steps run through {@link SchemaMigrations}, in one transaction. A fresh file runs every step from
 * version 0.
 */
final class SqliteSchema {

    static final SchemaMigrations MIGRATIONS =
            new SchemaMigrations(List.of(Step.of(1, SqliteSchema::initialSchema),
                    Step.of(2, SqliteSchema::splitEmbeddingsAndCaseFoldNames), Step.of(3, SqliteSchema::addProperties)));
    static final int CURRENT = MIGRATIONS.current();
    /** SQLite's type names; the embedding cache needs no row ids of its own. */
    private static final SchemaTables TABLES = new SchemaTables(
            new SchemaTables.Types("INTEGER PRIMARY KEY", "INTEGER PRIMARY KEY", "INTEGER", "INTEGER", "REAL", "TEXT", "BLOB"),
            List.of(), " WITHOUT ROWID");

    private SqliteSchema() {
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Brings the file to {@code target}. Foreign keys are off while tables are rebuilt (SQLite cannot
     * switch them inside a transaction) and checked before commit instead.
     */
    static void upgrade(Connection c, Path file, int target) throws SQLException {
        MIGRATIONS.upgrade(c, new Engine(file), target);
    }

    private record Engine(Path file) implements SchemaMigrations.Engine {
        @Override
        public int readVersion(Connection c) throws SQLException {
            return version(c);
        }

        @Override
        public void writeVersion(Connection c, int version) throws SQLException {
            execute(c, "PRAGMA user_version = " + version);
        }

        @Override
        public void begin(Connection c) throws SQLException {
            execute(c, "PRAGMA foreign_keys = OFF");
            execute(c, "BEGIN IMMEDIATE");
        }

        @Override
        public void verify(Connection c, int from) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet broken = s.executeQuery("PRAGMA foreign_key_check")) {
                if (broken.next()) {
                    throw new StoreException(StoreException.Kind.DAMAGED, "The database file '" + file
                            + "' is damaged: a row of table '" + broken.getString(1)
                            + "' points to nothing, so it was left at schema " + from + ".");
                }
            }
        }

        @Override
        public void commit(Connection c) throws SQLException {
            execute(c, "COMMIT");
        }

        @Override
        public void rollback(Connection c) throws SQLException {
            execute(c, "ROLLBACK");
        }

        private static void execute(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    /** Version 1: embeddings and kept audio inline in the enrollment row; names unique by exact spelling. */
    private static void initialSchema(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE speaker (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL UNIQUE,
                  created_ms INTEGER NOT NULL,
                  notes TEXT NOT NULL DEFAULT '',
                  photo BLOB)""");
        s.execute(TABLES.enrollment("model_sha256 TEXT NOT NULL", "dimension INTEGER NOT NULL",
                "embedding BLOB NOT NULL", "audio BLOB"));
        s.execute(SchemaTables.ENROLLMENT_BY_SPEAKER);
        s.execute(TABLES.audit());
    }

    /**
     * Version 2: an enrollment may hold embeddings of several models (re-embedding kept audio after a
     * model change), kept audio moves to its own table, names clash regardless of case (older names
     * that now clash get " (2)", " (3)"... in id order), and an embedding cache appears.
     */
    private static void splitEmbeddingsAndCaseFoldNames(Statement s) throws SQLException {
        s.execute("ALTER TABLE enrollment RENAME TO enrollment_v1");
        s.execute("ALTER TABLE speaker RENAME TO speaker_v1");
        s.execute("DROP INDEX enrollment_speaker");
        TABLES.createSpeakerTables(s);
        s.execute(TABLES.embeddingCache());
        copySpeakers(s.getConnection());
        s.execute("""
                INSERT INTO enrollment (id, speaker_id, source_name, seconds, net_speech_seconds,
                                        clipping_ratio, snr_db, created_ms)
                SELECT id, speaker_id, source_name, seconds, net_speech_seconds, clipping_ratio, snr_db,
                       created_ms FROM enrollment_v1""");
        s.execute("""
                INSERT INTO embedding (enrollment_id, model_sha256, dimension, vector)
                SELECT id, model_sha256, dimension, embedding FROM enrollment_v1""");
        s.execute("""
                INSERT INTO kept_audio (enrollment_id, sample_rate, samples)
                SELECT id, 16000, audio FROM enrollment_v1 WHERE audio IS NOT NULL""");
        s.execute("DROP TABLE enrollment_v1");
        s.execute("DROP TABLE speaker_v1");
    }

    private static void copySpeakers(Connection c) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name, created_ms, notes, photo FROM speaker_v1 ORDER BY id");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO speaker (id, name, name_key, created_ms, notes, photo) VALUES (?, ?, ?, ?, ?, ?)")) {
            while (rs.next()) {
                String name = Inputs.firstFreeName(rs.getString(2).strip(), n -> keys.contains(Inputs.nameKey(n)));
                keys.add(Inputs.nameKey(name));
                insert.setLong(1, rs.getLong(1));
                insert.setString(2, name);
                insert.setString(3, Inputs.nameKey(name));
                insert.setLong(4, rs.getLong(3));
                insert.setString(5, rs.getString(4));
                insert.setBytes(6, rs.getBytes(5));
                insert.executeUpdate();
            }
        }
    }

    /**
     * Version 3: named values kept with the database, such as its key record, and room for sealed
     * embeddings: the length check on a vector also admits a sealed one ("VXS", 40 bytes longer; see
     * docs/privacy.md). SQLite cannot change a CHECK in place, so the table is rebuilt, rows in order.
     */
    private static void addProperties(Statement s) throws SQLException {
        s.execute(TABLES.property());
        s.execute("ALTER TABLE embedding RENAME TO embedding_v2");
        s.execute("DROP INDEX embedding_model");
        s.execute(TABLES.embedding(SchemaTables.plainOrSealedLength("substr(vector, 1, 3) = X'565853'", "\n    ")));
        s.execute(SchemaTables.EMBEDDING_BY_MODEL);
        s.execute("""
                INSERT INTO embedding (enrollment_id, model_sha256, dimension, vector)
                SELECT enrollment_id, model_sha256, dimension, vector FROM embedding_v2 ORDER BY rowid""");
        s.execute("DROP TABLE embedding_v2");
    }
}
