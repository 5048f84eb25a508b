package io.voxprint.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresClusterTest {

    @Test
    void aFreshDatabaseOfARealServerAcceptsWritesAndSurvivesARestart(PostgresCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW server_version_num")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 150000, "server version " + rs.getInt(1));
            }
            s.execute("CREATE TABLE t (x int)");
            s.execute("INSERT INTO t VALUES (42)");
        }
        cluster.stop();
        assertThrows(SQLException.class, () -> cluster.connect(db).close(), "the server is down");
        cluster.start();
        try (Connection c = cluster.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT x FROM t")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }
}
