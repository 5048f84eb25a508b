package io.voxprint.store.postgres;

import io.voxprint.store.StoreProperties;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Named values kept with the database (schema 3's {@code property} table), as on SQLite. */
final class PostgresProperties implements StoreProperties {

    private final PostgresDatabase db;

    PostgresProperties(PostgresDatabase db) {
        this.db = db;
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
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO property (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, name);
                ps.setBytes(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
