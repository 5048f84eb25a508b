package io.voxprint.cli;

import io.voxprint.store.postgres.PostgresEngine;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The encrypted-database CLI test once more with {@code VOXPRINT_DB} naming fresh databases of a real
 * PostgreSQL server: what its administrator sees ({@code pg_dump}, SELECTs) holds no template, the
 * scores equal a plain database's, a wrong passphrase changes nothing, and {@code voxprint keys}
 * rotates and re-wraps on the server.
 */
@ExtendWith(PostgresExtension.class)
class EncryptedDatabaseCliOnPostgresTest extends EncryptedDatabaseCliTest {

    private PostgresCluster cluster;
    private final Map<String, String> databases = new HashMap<>();

    @BeforeEach
    void server(PostgresCluster pg) {
        cluster = pg;
    }

    private String database(String db) {
        return databases.computeIfAbsent(db, k -> cluster.createDatabase());
    }

    @Override
    String location(String db) {
        return cluster.url(database(db));
    }

    @Override
    List<byte[]> exposed(String db) {
        return List.copyOf(PostgresEngine.exposed(cluster, database(db)).values());
    }

    @Override
    String dump(String db) {
        return PostgresEngine.dump(cluster, database(db));
    }
}
