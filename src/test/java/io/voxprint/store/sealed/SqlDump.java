package io.voxprint.store.sealed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What {@code sqlite3 FILE .dump} shows, through a plain JDBC connection: every row of every table as
 * an INSERT with blobs as {@code X'hex'}. {@link #bytes} gives the text followed by the blobs decoded,
 * so a byte search finds in the dump what a reader of its hex would.
 */
public final class SqlDump {

    private SqlDump() {
    }

    public static byte[] bytes(Path file) throws SQLException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteArrayOutputStream blobs = new ByteArrayOutputStream();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder("INSERT INTO " + table + " VALUES(");
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            if (v instanceof byte[] b) {
                                row.append("X'").append(HexFormat.of().formatHex(b)).append("'");
                                blobs.writeBytes(b);
                            } else {
                                row.append(v);
                            }
                            row.append(i < md.getColumnCount() ? "," : ");\n");
                        }
                        text.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        text.writeBytes(blobs.toByteArray());
        return text.toByteArray();
    }
}
