package io.voxprint.store.jdbc;

import io.voxprint.store.EmbeddingCache;
import io.voxprint.store.Floats;
import io.voxprint.store.Inputs;
import io.voxprint.store.TemplatePlace;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** The {@code embedding_cache} table. */
public final class JdbcEmbeddingCache implements EmbeddingCache {

    private final JdbcEngine db;
    private final String upsert;

    public JdbcEmbeddingCache(JdbcEngine db) {
        this.db = db;
        this.upsert = db.upsert("embedding_cache", List.of("audio_sha256", "model_sha256", "dimension", "vector", "created_ms"),
                List.of("audio_sha256", "model_sha256"));
    }

    @Override
    public Optional<float[]> get(String audioSha256, String modelSha256) {
        String audio = Inputs.modelSha256(audioSha256);
        String model = Inputs.modelSha256(modelSha256);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT vector FROM embedding_cache WHERE audio_sha256 = ? AND model_sha256 = ?")) {
                ps.setString(1, audio);
                ps.setString(2, model);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Floats.fromBytes(db.codec().decode(TemplatePlace.cachedEmbedding(audio, model),
                            rs.getBytes(1)))) : Optional.<float[]>empty();
                }
            }
        });
    }

    @Override
    public void put(String audioSha256, String modelSha256, float[] embedding) {
        String audio = Inputs.modelSha256(audioSha256);
        String model = Inputs.modelSha256(modelSha256);
        Inputs.embedding(embedding, "the cached audio");
        long now = System.currentTimeMillis();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                ps.setString(1, audio);
                ps.setString(2, model);
                ps.setInt(3, embedding.length);
                ps.setBytes(4, db.codec().encode(TemplatePlace.cachedEmbedding(audio, model), Floats.toBytes(embedding)));
                ps.setLong(5, now);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM embedding_cache")) {
                if (rs.next() && rs.getInt(1) > MAX_ENTRIES) {
                    s.execute("DELETE FROM embedding_cache WHERE (audio_sha256, model_sha256) IN (SELECT audio_sha256, "
                            + "model_sha256 FROM embedding_cache ORDER BY created_ms LIMIT " + MAX_ENTRIES / 10 + ")");
                }
            }
            return null;
        });
    }

    @Override
    public void clear() {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM embedding_cache");
            }
            return null;
        });
    }
}
