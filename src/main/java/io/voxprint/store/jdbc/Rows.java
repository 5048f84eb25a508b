package io.voxprint.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The read loop every record kind repeats: prepare, bind, execute, and take each row as it comes. */
final class Rows {

    /** Takes the current row of a result. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Does something with the current row of a result. */
    @FunctionalInterface
    interface Sink {
        void accept(ResultSet rs) throws SQLException;
    }

    private Rows() {
    }

    /** Every row of {@code sql} with {@code values} bound, read by {@code reader}, in the query's order. */
    static <T> List<T> list(Connection c, String sql, JdbcEngine.Binding values, Reader<T> reader) throws SQLException {
        List<T> all = new ArrayList<>();
        each(c, sql, values, rs -> all.add(reader.read(rs)));
        return all;
    }

    /** Hands every row of {@code sql} with {@code values} bound to {@code sink}, in the query's order. */
    static void each(Connection c, String sql, JdbcEngine.Binding values, Sink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            values.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            }
        }
    }

    /** The one number a query such as {@code SELECT count(*) FROM ...} answers. */
    static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
