package io.voxprint.store.jdbc;

import io.voxprint.store.AuditLog;
import io.voxprint.store.EmbeddingCache;
import io.voxprint.store.EmbeddingRecords;
import io.voxprint.store.SpeakerRecords;
import io.voxprint.store.StoreProperties;
import io.voxprint.store.UnitOfWork;
import io.voxprint.store.VoiceprintStore;

/**
 * What every JDBC engine's store is alike in: the record classes written once over its
 * {@link JdbcEngine}, and units of work run in one of its transactions. An engine adds how it is
 * opened, named, versioned and closed.
 */
public abstract class JdbcStore implements VoiceprintStore {

    private final JdbcEngine engine;
    private final JdbcSpeakers speakers;
    private final JdbcEmbeddings embeddings;
    private final JdbcAuditLog audit;
    private final JdbcEmbeddingCache cache;
    private final JdbcProperties properties;

    protected JdbcStore(JdbcEngine engine) {
        this.engine = engine;
        this.speakers = new JdbcSpeakers(engine);
        this.embeddings = new JdbcEmbeddings(engine);
        this.audit = new JdbcAuditLog(engine);
        this.cache = new JdbcEmbeddingCache(engine);
        this.properties = new JdbcProperties(engine);
    }

    @Override
    public final SpeakerRecords speakers() {
        return speakers;
    }

    @Override
    public final EmbeddingRecords embeddings() {
        return embeddings;
    }

    @Override
    public final AuditLog audit() {
        return audit;
    }

    @Override
    public final EmbeddingCache embeddingCache() {
        return cache;
    }

    @Override
    public final StoreProperties properties() {
        return properties;
    }

    @Override
    public final <T> T inTransaction(UnitOfWork<T> work) {
        return engine.write(c -> work.run(this));
    }

    @Override
    public final <T> T inReadTransaction(UnitOfWork<T> work) {
        return engine.read(c -> work.run(this));
    }
}
