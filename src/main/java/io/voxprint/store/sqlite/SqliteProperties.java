package io.voxprint.store.sqlite;

import io.voxprint.store.StoreProperties;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Named values in the {@code property} table (schema 3). */
final class SqliteProperties implements StoreProperties {

    private final SqliteDatabase db;

    SqliteProperties(SqliteDatabase db) {
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
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO property (name, value) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setBytes(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
