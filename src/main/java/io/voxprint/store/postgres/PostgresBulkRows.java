package io.voxprint.store.postgres;

import io.voxprint.store.jdbc.JdbcEmbeddings;
import io.voxprint.store.jdbc.JdbcEngine.EmbeddingRow;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The embedding rows of one model through {@code COPY ... TO STDOUT (FORMAT binary)}: the server sends
 * the columns in their binary form in one stream, with none of a result set's per-row work or the hex
 * text of a bytea. Loading a million speakers' index this way is what keeps a desk's start-up short.
 * The stream is parsed straight from the driver's messages (one per row, as the server sends them,
 * though a field split across two is read too), without a stream's per-byte calls.
 */
public final class PostgresBulkRows {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int COLUMNS = 4;
    /**
     * For this transaction only.
     * <ul>
     * <li>A million rows make the plan costly enough for the server to compile it to machine code (its
     * JIT), which took seconds of the server's time for a plan of scans and hash joins, and gained
     * nothing.
     * <li>With the default 4 MB of working memory, the server hashed the embeddings themselves (780 MB
     * for a million speakers) in 128 batches through temporary files, and sent the first row after
     * 2.5 s. With room for the speakers' and enrollments' hash tables (about 120 bytes a speaker,
     * under hash_mem_multiplier times this much each) it probes them with the embeddings as it scans
     * them, writes nothing, and starts sending sooner. The memory is taken only as the tables need it.
     * </ul>
     * Public for the bench, whose psql copy of the same rows runs under the same settings.
     */
    public static final List<String> SETTINGS = List.of("SET LOCAL jit = off", "SET LOCAL work_mem = '256MB'");
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final CopyOut copy;
    private byte[] buf = new byte[0];
    /** The last vector handed on, reused for the next of the same length: a million copies were most of a load's garbage. */
    private byte[] vector = new byte[0];
    private int pos;

    private PostgresBulkRows(CopyOut copy) {
        this.copy = copy;
    }

    /**
     * Reads every row of {@link JdbcEmbeddings#rowsOfModel} for the model into {@code sink}, in its order
     * or in the server's ({@link JdbcEmbeddings#rowsOfModelInAnyOrder}).
     */
    static void read(Connection c, String modelSha256, boolean inIndexOrder, EmbeddingRow sink) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String setting : SETTINGS) {
                s.execute(setting);
            }
        }
        read(c.unwrap(PGConnection.class).getCopyAPI().copyOut(copySql(modelSha256, inIndexOrder)), sink);
    }

    /** The COPY of {@link JdbcEmbeddings#rowsOfModel} for the model, in its order or in the server's. */
    static String copySql(String modelSha256, boolean inIndexOrder) {
        // COPY takes no parameters; the fingerprint is checked lowercase hex before it gets here, and quoted anyway
        String model = "'" + modelSha256.replace("'", "''") + "'";
        String rows = inIndexOrder ? JdbcEmbeddings.rowsOfModel(model, "true") : JdbcEmbeddings.rowsOfModelInAnyOrder(model, "true");
        return "COPY (" + rows + ") TO STDOUT (FORMAT binary)";
    }

    /** Reads the rows of a started COPY into {@code sink} and the stream to its end. */
    static void read(CopyOut copy, EmbeddingRow sink) throws SQLException {
        try {
            new PostgresBulkRows(copy).rows(sink);
        } catch (IOException e) {
            throw new SQLException("Reading the embeddings through COPY failed: " + e.getMessage(), "08006", e);
        } finally {
            drain(copy);
        }
    }

    /**
     * Reads the stream to its end, which completes the COPY on the connection, also after a row was
     * refused (a sealed value that does not open): cancelling instead races with a server that has
     * sent every row already, and left the pooled connection inside its transaction.
     */
    private static void drain(CopyOut copy) throws SQLException {
        while (copy.isActive() && copy.readFromCopy() != null) {
            // rows after a refused one are of no use
        }
    }

    private void rows(EmbeddingRow sink) throws SQLException, IOException {
        readHeader();
        for (short fields = readShort(); fields != -1; fields = readShort()) {
            if (fields != COLUMNS) {
                throw new SQLException("COPY sent a row of " + fields + " columns instead of " + COLUMNS, "XX000");
            }
            long speakerId = longField();
            String name = textField();
            long enrollmentId = longField();
            sink.accept(speakerId, name, enrollmentId, bytesField());
        }
    }

    private void readHeader() throws SQLException, IOException {
        need(SIGNATURE.length + 8);
        if (!Arrays.equals(buf, pos, pos + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new IOException("not a binary COPY stream");
        }
        pos += SIGNATURE.length;
        readInt(); // flags: no OIDs in a COPY of a query
        int extension = readInt(); // header extension, none so far
        need(extension);
        pos += extension;
    }

    private long longField() throws SQLException, IOException {
        if (readInt() != Long.BYTES) {
            throw new IOException("a bigint column is not 8 bytes long");
        }
        need(Long.BYTES);
        long v = (long) LONG.get(buf, pos);
        pos += Long.BYTES;
        return v;
    }

    private String textField() throws SQLException, IOException {
        int length = fieldLength();
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    /** Valid until the next call (see {@link EmbeddingRow}). */
    private byte[] bytesField() throws SQLException, IOException {
        int length = fieldLength();
        if (vector.length != length) {
            vector = new byte[length];
        }
        System.arraycopy(buf, pos, vector, 0, length);
        pos += length;
        return vector;
    }

    /** A field's length, with that many bytes ready in {@code buf}. */
    private int fieldLength() throws SQLException, IOException {
        int length = readInt();
        if (length < 0) {
            throw new EOFException("a NOT NULL column came as NULL");
        }
        need(length);
        return length;
    }

    private short readShort() throws SQLException, IOException {
        need(Short.BYTES);
        short v = (short) SHORT.get(buf, pos);
        pos += Short.BYTES;
        return v;
    }

    private int readInt() throws SQLException, IOException {
        need(Integer.BYTES);
        int v = (int) INT.get(buf, pos);
        pos += Integer.BYTES;
        return v;
    }

    /** Makes {@code buf[pos .. pos + n)} hold the next n bytes of the stream, joining messages where a field spans them. */
    private void need(int n) throws SQLException, IOException {
        while (buf.length - pos < n) {
            byte[] next = copy.readFromCopy();
            if (next == null) {
                throw new EOFException("the COPY stream ended in the middle of a row");
            }
            if (pos == buf.length) {
                buf = next;
            } else {
                byte[] joined = Arrays.copyOf(Arrays.copyOfRange(buf, pos, buf.length), buf.length - pos + next.length);
                System.arraycopy(next, 0, joined, buf.length - pos, next.length);
                buf = joined;
            }
            pos = 0;
        }
    }
}
