package io.voxprint.store.postgres;

import io.voxprint.store.DbDump;
import io.voxprint.store.StoreEngine;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.testing.PostgresCluster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Databases of the test run's PostgreSQL cluster, one fresh database each, dumped through a plain
 * superuser JDBC connection: the schema version, the tables' columns, and every row in key order,
 * binary values as sha256.
 */
public final class PostgresEngine implements StoreEngine {

    private final PostgresCluster cluster = PostgresCluster.shared();

    @Override
    public TestDatabase newDatabase() {
        String name = cluster.createDatabase();
        return new TestDatabase() {
            @Override
            public VoiceprintStore open(TemplateCodec codec) {
                return PostgresStore.open(PostgresUrl.parse(cluster.url(name), Map.of(), Path.of("/nonexistent")), codec);
            }

            @Override
            public Connection connect() throws SQLException {
                return cluster.connect(name);
            }

            @Override
            public Map<String, byte[]> exposed() {
                return PostgresEngine.exposed(cluster, name);
            }

            @Override
            public String dump() {
                return PostgresEngine.dump(cluster, name);
            }
        };
    }

    public static String dump(PostgresCluster cluster, String database) {
        try (Connection c = cluster.connect(database); Statement s = c.createStatement()) {
            StringBuilder out = new StringBuilder();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
                        + "WHERE table_schema = 'public' AND table_name = '" + table + "' ORDER BY ordinal_position")) {
                    out.append("-- ").append(table).append(':');
                    while (rs.next()) {
                        out.append(' ').append(rs.getString(1)).append(' ').append(rs.getString(2));
                    }
                    out.append('\n');
                }
                DbDump.appendTable(out, table, DbDump.rows(s, "SELECT * FROM " + table + " ORDER BY 1, 2"));
            }
            return out.toString();
        } catch (SQLException e) {
            throw new AssertionError("cannot dump " + database, e);
        }
    }

    /** What the server's administrator sees of {@code database}: its {@code pg_dump}, and every value a SELECT returns. */
    public static Map<String, byte[]> exposed(PostgresCluster cluster, String database) {
        return Map.of("pg_dump", withHexDecoded(cluster.pgDump(database)), "select", selected(cluster, database));
    }

    private static final Pattern HEX = Pattern.compile("\\\\x([0-9a-f]+)");

    /** The dump followed by every {@code \\x...} value in it as bytes. */
    private static byte[] withHexDecoded(byte[] dump) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(dump);
        Matcher m = HEX.matcher(new String(dump, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            out.writeBytes(HexFormat.of().parseHex(m.group(1)));
        }
        return out.toByteArray();
    }

    /** Every value of every table as {@code SELECT *} returns it: binary as it is, the rest as text. */
    private static byte[] selected(PostgresCluster cluster, String database) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection c = cluster.connect(database); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            out.writeBytes(v instanceof byte[] b ? b : String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + database, e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        // the databases go with the cluster at the end of the run
    }

    @Override
    public String toString() {
        return "postgresql";
    }
}
