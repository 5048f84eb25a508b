package io.voxprint.store.jdbc;

import io.voxprint.store.StoreException;
import io.voxprint.store.StoreException.Kind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema's history as numbered steps, run the same way on every engine: each engine lists its
 * own SQL for the same version numbers (so a version means the same records everywhere), and this
 * runner brings a database from the version it records to the newest.
 *
 * <p>All missing steps run in one transaction that also records the new version, taken with the
 * engine's write lock and with the version read again under it: a database is always wholly at one
 * version, a killed upgrade leaves the old one as it was (and is redone on the next open), and two
 * programs opening an old database at once upgrade it once. Both engines make schema changes
 * transactional, which is what makes this possible.
 *
 * <p>Why not a migration tool such as Flyway: files written by earlier versions record their
 * version in SQLite's {@code user_version} and nowhere else, the v1 to v2 step renames clashing
 * names in Java, and a tool with its own history table would have to adopt every existing file;
 * one small runner keeps the recorded version where it has always been.
 */
public final class SchemaMigrations {

    /** One step: brings the schema from {@code to() - 1} to {@code to()}. */
    public interface Step {
        int to();

        void apply(Connection c) throws SQLException;

        /** The step to version {@code to} that runs {@code statements} on one statement of the connection. */
        static Step of(int to, Statements statements) {
            return new Step() {
                @Override
                public int to() {
                    return to;
                }

                @Override
                public void apply(Connection c) throws SQLException {
                    try (Statement s = c.createStatement()) {
                        statements.run(s);
                    }
                }
            };
        }
    }

    /** What a step runs; {@link Statement#getConnection()} reaches the connection for prepared statements. */
    @FunctionalInterface
    public interface Statements {
        void run(Statement s) throws SQLException;
    }

    /** What differs between engines: where the version is kept and how the migration's transaction runs. */
    public interface Engine {
        int readVersion(Connection c) throws SQLException;

        void writeVersion(Connection c, int version) throws SQLException;

        /** Starts the transaction holding the lock that keeps other writers (and migrators) out. */
        void begin(Connection c) throws SQLException;

        /** Last check before commit; throws to leave the database at {@code from}. */
        void verify(Connection c, int from) throws SQLException;

        void commit(Connection c) throws SQLException;

        void rollback(Connection c) throws SQLException;
    }

    private final List<Step> steps;

    /** {@code steps} must lead from version 1 upwards without gaps. */
    public SchemaMigrations(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).to() != i + 1) {
                throw new IllegalArgumentException("step " + i + " leads to version " + steps.get(i).to());
            }
        }
        this.steps = List.copyOf(steps);
    }

    /** The newest version these steps reach. */
    public int current() {
        return steps.size();
    }

    /** Brings the database to {@code target} (no step runs when it is there already). */
    public void upgrade(Connection c, Engine engine, int target) throws SQLException {
        if (engine.readVersion(c) >= target) {
            return;
        }
        engine.begin(c);
        try {
            // another program may have upgraded the database while we waited for the lock
            int from = engine.readVersion(c);
            for (Step step : steps) {
                if (step.to() > from && step.to() <= target) {
                    step.apply(c);
                }
            }
            engine.writeVersion(c, Math.max(from, target));
            engine.verify(c, from);
            engine.commit(c);
        } catch (SQLException | RuntimeException e) {
            try {
                engine.rollback(c);
            } catch (SQLException ignored) {
                // the transaction is already gone; the original failure is what matters
            }
            throw e;
        }
    }

    /** Refuses a database whose recorded version is newer than this build knows, before anything is written. */
    public void refuseNewer(int version, String where) {
        if (version > current()) {
            throw new StoreException(Kind.NEWER_VERSION, "The database " + where
                    + " was written by a newer Voxprint (schema " + version + "; this version knows " + current()
                    + "); update Voxprint to use it.");
        }
    }
}
