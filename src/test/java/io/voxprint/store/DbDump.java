package io.voxprint.store;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A text dump of a database file through a plain JDBC connection (not the store): user_version, the
 * schema, and every row of every table, blobs as sha256. Equal dumps mean equal content.
 */
public final class DbDump {

    private DbDump() {
    }

    public static String of(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return of(c);
        } catch (SQLException e) {
            throw new AssertionError("cannot dump " + file, e);
        }
    }

    static String of(Connection c) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                out.append("user_version=").append(rs.getInt(1)).append('\n');
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    out.append(rs.getString(2)).append('\n');
                    if (rs.getString(2) != null && rs.getString(2).startsWith("CREATE TABLE")) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String table : tables) {
                List<String> rows = rows(s, "SELECT * FROM " + table);
                Collections.sort(rows);
                appendTable(out, table, rows);
            }
        }
        return out.toString();
    }

    /** Every row of {@code query}, values separated by '|', blobs as sha256. */
    public static List<String> rows(Statement s, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.append(v instanceof byte[] b ? "sha256:" + sha256(b) : String.valueOf(v)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** A table's part of a dump: its name, how many rows, then the rows. */
    public static void appendTable(StringBuilder out, String table, List<String> rows) {
        out.append("== ").append(table).append(" (").append(rows.size()).append(" rows)\n");
        rows.forEach(r -> out.append(r).append('\n'));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The single number a query such as {@code SELECT count(*) ...} answers. */
    public static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
