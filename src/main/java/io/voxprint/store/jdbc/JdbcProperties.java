package io.voxprint.store.jdbc;

import io.voxprint.store.StoreProperties;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** Named values in the {@code property} table (schema 3). */
public final class JdbcProperties implements StoreProperties {

    private final JdbcEngine db;
    private final String upsert;

    public JdbcProperties(JdbcEngine db) {
        this.db = db;
        this.upsert = db.upsert("property", List.of("name", "value"), List.of("name"));
    }

    @Override
    public Optional<byte[]> get(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM property WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    @Override
    public void put(String name, byte[] value) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(upsert)) {
                ps.setString(1, name);
                ps.setBytes(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
