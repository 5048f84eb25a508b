package io.voxprint.store.postgres;

import io.voxprint.store.jdbc.JdbcEmbeddings;
import io.voxprint.store.jdbc.JdbcEngine.EmbeddingRow;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The embedding rows of one model through {@code COPY ... TO STDOUT (FORMAT binary)}: the server sends
 * the columns in their binary form in one stream, with none of a result set's per-row work or the hex
 * text of a bytea. Loading a million speakers' index this way is what keeps a desk's start-up short.
 */
final class PostgresBulkRows {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int COLUMNS = 4;

    private PostgresBulkRows() {
    }

    /** Reads every row of {@link JdbcEmbeddings#rowsOfModel} for the model, in its order, into {@code sink}. */
    static void read(Connection c, String modelSha256, EmbeddingRow sink) throws SQLException {
        // COPY takes no parameters; the fingerprint is checked lowercase hex before it gets here, and quoted anyway
        String model = "'" + modelSha256.replace("'", "''") + "'";
        String copy = "COPY (" + JdbcEmbeddings.rowsOfModel(model, "true") + ") TO STDOUT (FORMAT binary)";
        try (PGCopyInputStream raw = new PGCopyInputStream(c.unwrap(PGConnection.class), copy);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            readHeader(in);
            for (short fields = in.readShort(); fields != -1; fields = in.readShort()) {
                if (fields != COLUMNS) {
                    throw new SQLException("COPY sent a row of " + fields + " columns instead of " + COLUMNS, "XX000");
                }
                long speakerId = longField(in);
                String name = new String(bytesField(in), StandardCharsets.UTF_8);
                long enrollmentId = longField(in);
                sink.accept(speakerId, name, enrollmentId, bytesField(in));
            }
            while (in.read() != -1) {
                // the end of the stream completes the COPY on the connection
            }
        } catch (IOException e) {
            throw new SQLException("Reading the embeddings through COPY failed: " + e.getMessage(), "08006", e);
        }
    }

    private static void readHeader(DataInputStream in) throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt(); // flags: no OIDs in a COPY of a query
        in.skipNBytes(in.readInt()); // header extension, none so far
    }

    private static long longField(DataInputStream in) throws IOException {
        if (in.readInt() != Long.BYTES) {
            throw new IOException("a bigint column is not 8 bytes long");
        }
        return in.readLong();
    }

    private static byte[] bytesField(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new EOFException("a NOT NULL column came as NULL");
        }
        byte[] value = new byte[length];
        in.readFully(value);
        return value;
    }
}
