package io.voxprint.store.jdbc;

import io.voxprint.store.StoreException;
import io.voxprint.store.TemplateCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * What the record classes shared by the SQLite and PostgreSQL engines need from one engine's
 * database: its transactions, its template codec, its way of saying "damaged", and the SQL that
 * really differs between the two.
 */
public interface JdbcEngine {

    /** Runs {@code work} in a writing transaction (joining one already open on this thread). */
    <T> T write(SqlWork<T> work);

    /** Runs {@code work} in a reading transaction (joining one already open on this thread). */
    <T> T read(SqlWork<T> work);

    /** Every template passes through it on its way to and from the tables. */
    TemplateCodec codec();

    /** The one sentence telling the user that this database holds something it cannot hold. */
    StoreException damaged(String detail);

    /**
     * An insert of one row with a placeholder for each of {@code columns} that replaces the row
     * having the same {@code key} columns, if there is one.
     */
    String upsert(String table, List<String> columns, List<String> key);

    /** The column that orders a table's rows as they were inserted. */
    String insertionOrder();

    /** Runs {@code insertSql}, an INSERT of one row into a table with an {@code id} column, and gives the row's id. */
    long insert(Connection c, String insertSql, Binding values) throws SQLException;

    /**
     * Reads the rows of {@link JdbcEmbeddings#rowsOfModel} for one model in one go, faster than row by
     * row, and says whether it did; an engine without such a way answers false and the rows are read
     * through the plain query. In index order, or else as {@link JdbcEmbeddings#rowsOfModelInAnyOrder}
     * (quicker to start). The stored vectors go to {@code sink} as stored: decoding stays with the caller.
     */
    default boolean bulkEmbeddingRows(Connection c, String modelSha256, boolean inIndexOrder, EmbeddingRow sink)
            throws SQLException {
        return false;
    }

    /**
     * One row of {@link JdbcEmbeddings#rowsOfModel}: a speaker, one of its enrollments, its vector as
     * stored. The vector's array is valid only during the call (a bulk read reuses it for the next row).
     */
    @FunctionalInterface
    interface EmbeddingRow {
        void accept(long speakerId, String speakerName, long enrollmentId, byte[] storedVector) throws SQLException;
    }

    /** Sets the values of a statement's placeholders. */
    @FunctionalInterface
    interface Binding {
        void bind(PreparedStatement ps) throws SQLException;
    }
}
