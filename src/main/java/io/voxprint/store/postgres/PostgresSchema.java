package io.voxprint.store.postgres;

import io.voxprint.store.jdbc.SchemaMigrations;
import io.voxprint.store.jdbc.SchemaMigrations.Step;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The PostgreSQL schema at the same version numbers as the SQLite file, run through the same
 * {@link SchemaMigrations}. The version lives in the one-row table {@code voxprint_schema}; the
 * migration's transaction holds an advisory lock, so two desks opening a new database at once create
 * it once, and PostgreSQL's transactional DDL leaves a failed or killed migration wholly undone.
 */
final class PostgresSchema {

    /** Any number, as long as it is always the same: the advisory lock that serialises migrations. */
    private static final long MIGRATION_LOCK = 0x766f7870726e74L;

    static final SchemaMigrations MIGRATIONS = new SchemaMigrations(List.of(new NoVersionOne(), new VersionTwo(), new VersionThree()));
    /** Channel of {@code NOTIFY}: the payload is {@code {"speaker": name, "was": old name or null}}. */
    static final String CHANNEL = "voxprint_speakers";

    private PostgresSchema() {
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT to_regclass('voxprint_schema') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM voxprint_schema")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static void refuseNewer(Connection c, PostgresUrl url) throws SQLException {
        MIGRATIONS.refuseNewer(version(c), url.toString());
        c.rollback();
    }

    static void upgrade(Connection c) throws SQLException {
        MIGRATIONS.upgrade(c, ENGINE, MIGRATIONS.current());
    }

    private static final SchemaMigrations.Engine ENGINE = new SchemaMigrations.Engine() {
        @Override
        public int readVersion(Connection c) throws SQLException {
            return version(c);
        }

        @Override
        public void writeVersion(Connection c, int version) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS voxprint_schema (version integer NOT NULL, one boolean PRIMARY KEY DEFAULT true CHECK (one))");
                s.execute("INSERT INTO voxprint_schema (version) VALUES (" + version
                        + ") ON CONFLICT (one) DO UPDATE SET version = excluded.version");
            }
        }

        @Override
        public void begin(Connection c) throws SQLException {
            c.rollback(); // end the read that found the version: the lock and the re-read belong to one transaction
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            }
        }

        @Override
        public void verify(Connection c, int from) {
            // foreign keys are enforced at every statement on PostgreSQL: nothing is left to check
        }

        @Override
        public void commit(Connection c) throws SQLException {
            c.commit();
        }

        @Override
        public void rollback(Connection c) throws SQLException {
            c.rollback();
        }
    };

    /** Schema 1 (embeddings inline in the enrollment row) predates PostgreSQL support: nothing to create. */
    /**
     * Version 3, as SQLite's: named values kept with the database (its key record) and room for
     * sealed embeddings ("VXS", 40 bytes longer). PostgreSQL changes the CHECK in place.
     */
    private static final class VersionThree implements Step {
        @Override
        public int to() {
            return 3;
        }

        @Override
        public void apply(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE property (name text PRIMARY KEY, value bytea NOT NULL)");
                // version 2 left the length check unnamed: find it by what it checks
                s.execute("""
                        DO $$ DECLARE n text; BEGIN
                          SELECT conname INTO n FROM pg_constraint WHERE conrelid = 'embedding'::regclass AND contype = 'c'
                            AND pg_get_constraintdef(oid) LIKE '%length(vector)%';
                          EXECUTE format('ALTER TABLE embedding DROP CONSTRAINT %I', n);
                        END $$""");
                s.execute("ALTER TABLE embedding ADD CONSTRAINT embedding_vector_length CHECK (length(vector) = 4 * dimension"
                        + " OR (substring(vector from 1 for 3) = decode('565853', 'hex') AND length(vector) = 4 * dimension + 40))");
            }
        }
    }

    private static final class NoVersionOne implements Step {
        @Override
        public int to() {
            return 1;
        }

        @Override
        public void apply(Connection c) {
            // a PostgreSQL database goes from nothing straight to version 2 in the same transaction
        }
    }

    /**
     * Schema 2, the same tables and columns as SQLite's version 2, in PostgreSQL's types; identity
     * columns for ids, {@code added} orders a speaker's embeddings as SQLite's rowid does. A trigger
     * announces every change of a speaker or of its embeddings on {@value #CHANNEL} (delivered at
     * commit, once per speaker and transaction), and another keeps the audit log append-only even
     * for the tables' owner.
     */
    private static final class VersionTwo implements Step {
        @Override
        public int to() {
            return 2;
        }

        @Override
        public void apply(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE speaker (
                          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                          name text NOT NULL,
                          name_key text NOT NULL UNIQUE,
                          created_ms bigint NOT NULL,
                          notes text NOT NULL DEFAULT '',
                          photo bytea)""");
                s.execute("""
                        CREATE TABLE enrollment (
                          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                          speaker_id bigint NOT NULL REFERENCES speaker(id) ON DELETE CASCADE,
                          source_name text NOT NULL,
                          seconds double precision NOT NULL,
                          net_speech_seconds double precision NOT NULL,
                          clipping_ratio double precision NOT NULL,
                          snr_db double precision NOT NULL,
                          created_ms bigint NOT NULL)""");
                s.execute("CREATE INDEX enrollment_speaker ON enrollment(speaker_id)");
                s.execute("""
                        CREATE TABLE embedding (
                          enrollment_id bigint NOT NULL REFERENCES enrollment(id) ON DELETE CASCADE,
                          model_sha256 text NOT NULL,
                          dimension integer NOT NULL CHECK (dimension > 0),
                          vector bytea NOT NULL CHECK (length(vector) = 4 * dimension),
                          added bigint GENERATED ALWAYS AS IDENTITY,
                          PRIMARY KEY (enrollment_id, model_sha256))""");
                s.execute("CREATE INDEX embedding_model ON embedding(model_sha256)");
                s.execute("""
                        CREATE TABLE kept_audio (
                          enrollment_id bigint PRIMARY KEY REFERENCES enrollment(id) ON DELETE CASCADE,
                          sample_rate integer NOT NULL,
                          samples bytea NOT NULL)""");
                s.execute("""
                        CREATE TABLE audit (
                          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                          time_ms bigint NOT NULL,
                          kind text NOT NULL,
                          claimed_name text,
                          result text NOT NULL,
                          score double precision,
                          threshold double precision,
                          model_sha256 text NOT NULL,
                          source text)""");
                s.execute("""
                        CREATE TABLE embedding_cache (
                          audio_sha256 text NOT NULL,
                          model_sha256 text NOT NULL,
                          dimension integer NOT NULL,
                          vector bytea NOT NULL,
                          created_ms bigint NOT NULL,
                          PRIMARY KEY (audio_sha256, model_sha256))""");
                s.execute("CREATE INDEX embedding_cache_age ON embedding_cache(created_ms)");
                s.execute("""
                        CREATE FUNCTION voxprint_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                          RAISE EXCEPTION 'the audit log is append-only: its lines cannot be changed or removed'
                            USING ERRCODE = 'insufficient_privilege';
                        END $$""");
                s.execute("""
                        CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
                          FOR EACH ROW EXECUTE FUNCTION voxprint_audit_append_only()""");
                s.execute("""
                        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
                          FOR EACH STATEMENT EXECUTE FUNCTION voxprint_audit_append_only()""");
                s.execute("""
                        CREATE FUNCTION voxprint_speaker_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                          IF TG_OP = 'DELETE' THEN
                            PERFORM pg_notify('%1$s', json_build_object('speaker', OLD.name)::text);
                          ELSIF TG_OP = 'UPDATE' AND OLD.name IS DISTINCT FROM NEW.name THEN
                            PERFORM pg_notify('%1$s', json_build_object('speaker', NEW.name, 'was', OLD.name)::text);
                          ELSIF TG_OP = 'INSERT' THEN
                            PERFORM pg_notify('%1$s', json_build_object('speaker', NEW.name)::text);
                          END IF;
                          RETURN NULL;
                        END $$""".formatted(CHANNEL));
                s.execute("""
                        CREATE TRIGGER speaker_changed AFTER INSERT OR UPDATE OR DELETE ON speaker
                          FOR EACH ROW EXECUTE FUNCTION voxprint_speaker_changed()""");
                s.execute("""
                        CREATE FUNCTION voxprint_embedding_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                          PERFORM pg_notify('%1$s', json_build_object('speaker', s.name)::text)
                            FROM enrollment e JOIN speaker s ON s.id = e.speaker_id WHERE e.id = NEW.enrollment_id;
                          RETURN NULL;
                        END $$""".formatted(CHANNEL));
                s.execute("""
                        CREATE TRIGGER embedding_changed AFTER INSERT OR UPDATE ON embedding
                          FOR EACH ROW EXECUTE FUNCTION voxprint_embedding_changed()""");
            }
        }
    }
}
