package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every CLI end-to-end test once more with {@code VOXPRINT_DB} naming a fresh database of a real
 * PostgreSQL server: the same commands, the same numbers as Python's.
 */
@ExtendWith(PostgresExtension.class)
class CliEndToEndOnPostgresTest extends CliEndToEndTest {

    private PostgresCluster cluster;
    private String url;

    @BeforeEach
    void freshDatabase(PostgresCluster pg) {
        cluster = pg;
        url = pg.url(pg.createDatabase());
    }

    @Override
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>(super.env());
        env.put("VOXPRINT_DB", url);
        return env;
    }

    /** The server's counterpart of a damaged file: a database that is not there, in one sentence. */
    @Override
    @Test
    void aDamagedDatabaseGetsOneSentenceAndStaysAsItWas() {
        Map<String, String> env = new HashMap<>(super.env());
        env.put("VOXPRINT_DB", cluster.url("no_such_database"));
        CliRun r = CliRun.run(env, "speakers", "list");
        assertEquals(VoxprintCli.ERROR, r.exitCode, r.toString());
        assertEquals(1, r.err.strip().split("\n").length, r.err);
        assertTrue(r.err.contains("has no database named 'no_such_database'"), r.err);
    }
}
