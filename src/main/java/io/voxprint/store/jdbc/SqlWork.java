package io.voxprint.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one JDBC connection inside a transaction the caller manages. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
