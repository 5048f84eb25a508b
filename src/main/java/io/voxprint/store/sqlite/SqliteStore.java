package io.voxprint.store.sqlite;

import io.voxprint.store.jdbc.JdbcStore;
import java.nio.file.Path;

/**
 * The voiceprint store in one SQLite file, for one user on one machine: WAL mode, one connection per
 * store (calls on one store are serialised; other stores and processes may use the same file at
 * the same time). See docs/store.md for the schema and its safety.
 */
public final class SqliteStore extends JdbcStore {

    private final SqliteDatabase db;

    private SqliteStore(SqliteDatabase db) {
        super(db);
        this.db = db;
    }

    /** {@code $XDG_DATA_HOME/voxprint/voxprint.db}, by default {@code ~/.local/share/voxprint/voxprint.db}. */
    public static Path defaultLocation() {
        return SqliteFiles.defaultLocation();
    }

    /** Opens the file, creating it (mode 0600, folders 0700) or upgrading an older schema in place. */
    public static SqliteStore open(Path file) {
        return open(file, SqliteOptions.defaults());
    }

    public static SqliteStore open(Path file, SqliteOptions options) {
        return new SqliteStore(SqliteDatabase.open(file, options));
    }

    /** The database file, absolute. */
    public Path file() {
        return db.file();
    }

    @Override
    public int schemaVersion() {
        return db.read(SqliteSchema::version);
    }

    @Override
    public String location() {
        return db.file().toString();
    }

    @Override
    public void close() {
        db.close();
    }
}
