package io.voxprint.store.sqlite;

import io.voxprint.store.AuditLog;
import io.voxprint.store.EmbeddingCache;
import io.voxprint.store.EmbeddingRecords;
import io.voxprint.store.SpeakerRecords;
import io.voxprint.store.StoreProperties;
import io.voxprint.store.UnitOfWork;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.jdbc.JdbcAuditLog;
import io.voxprint.store.jdbc.JdbcEmbeddingCache;
import io.voxprint.store.jdbc.JdbcEmbeddings;
import io.voxprint.store.jdbc.JdbcProperties;
import io.voxprint.store.jdbc.JdbcSpeakers;
import java.nio.file.Path;

/**
 * The voiceprint store in one SQLite file, for one user on one machine: WAL mode, one connection per
 * store (calls on one store are serialised; other stores and processes may use the same file at
 * the same time). See docs/store.md for the schema and its safety.
 */
public final class SqliteStore implements VoiceprintStore {

    private final SqliteDatabase db;
    private final JdbcSpeakers speakers;
    private final JdbcEmbeddings embeddings;
    private final JdbcAuditLog audit;
    private final JdbcEmbeddingCache cache;
    private final JdbcProperties properties;

    private SqliteStore(SqliteDatabase db) {
        this.db = db;
        this.speakers = new JdbcSpeakers(db);
        this.embeddings = new JdbcEmbeddings(db);
        this.audit = new JdbcAuditLog(db);
        this.cache = new JdbcEmbeddingCache(db);
        this.properties = new JdbcProperties(db);
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
    public SpeakerRecords speakers() {
        return speakers;
    }

    @Override
    public EmbeddingRecords embeddings() {
        return embeddings;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public EmbeddingCache embeddingCache() {
        return cache;
    }

    @Override
    public StoreProperties properties() {
        return properties;
    }

    @Override
    public <T> T inTransaction(UnitOfWork<T> work) {
        return db.write(c -> work.run(this));
    }

    @Override
    public <T> T inReadTransaction(UnitOfWork<T> work) {
        return db.read(c -> work.run(this));
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
