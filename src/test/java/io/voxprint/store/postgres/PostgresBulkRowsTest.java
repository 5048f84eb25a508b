package io.voxprint.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.voxprint.store.Fixtures;
import io.voxprint.store.StoreEngine.TestDatabase;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.jdbc.JdbcEmbeddings;
import io.voxprint.store.jdbc.JdbcEngine.EmbeddingRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The binary COPY reader against the same rows read through a plain query, both from a real server:
 * as the server sends them (a message a row), and with the very same stream cut into pieces of 1 to
 * 7 bytes, which the protocol allows, so that every field also arrives split between messages.
 */
class PostgresBulkRowsTest {

    @Test
    void rowsReadThroughCopyEqualThoseOfAPlainQueryHoweverTheStreamIsCut() throws SQLException {
        TestDatabase db = new PostgresEngine().newDatabase();
        try (VoiceprintStore store = db.open()) {
            for (int i = 0; i < 12; i++) {
                String name = (i % 2 == 0 ? "Zoë Ångström " : "émile ") + i; // names of two-byte characters
                store.enroll(name, Fixtures.takes(name, 1 + i % 3, Fixtures.MODEL_A, 0), true, null);
            }
            store.enroll("Other model", Fixtures.takes("Other model", 2, Fixtures.MODEL_B, 0), true, null);
        }
        try (Connection c = db.connect()) {
            c.setAutoCommit(false); // as the store reads: in a transaction
            List<String> plain = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(JdbcEmbeddings.rowsOfModel("?", "true"))) {
                ps.setString(1, Fixtures.MODEL_A);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plain.add(row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)));
                    }
                }
            }
            assertEquals(12 + 2 * 4 + 4 * 1, plain.size(), "every take of model A, none of model B");

            List<String> whole = new ArrayList<>();
            PostgresBulkRows.read(c, Fixtures.MODEL_A, true, collect(whole));
            assertEquals(plain, whole);

            List<String> cut = new ArrayList<>();
            CopyOut real = c.unwrap(PGConnection.class).getCopyAPI().copyOut(PostgresBulkRows.copySql(Fixtures.MODEL_A, true));
            PostgresBulkRows.read(new CutCopy(real), collect(cut));
            assertEquals(plain, cut);
            assertFalse(real.isActive(), "the COPY was read to its end");
        }
    }

    private static EmbeddingRow collect(List<String> rows) {
        return (speakerId, name, enrollmentId, vector) -> rows.add(row(speakerId, name, enrollmentId, vector));
    }

    private static String row(long speakerId, String name, long enrollmentId, byte[] vector) {
        return speakerId + "|" + name + "|" + enrollmentId + "|" + HexFormat.of().formatHex(vector);
    }

    /** A real COPY's stream handed on in pieces of 1 to 7 bytes instead of a message a row. */
    private static final class CutCopy implements CopyOut {
        private final CopyOut real;
        private byte[] pending = new byte[0];
        private int at;
        private int piece;

        CutCopy(CopyOut real) {
            this.real = real;
        }

        @Override
        public byte[] readFromCopy() throws SQLException {
            while (at == pending.length) {
                byte[] next = real.readFromCopy();
                if (next == null) {
                    return null;
                }
                pending = next;
                at = 0;
            }
            int n = Math.min(1 + piece++ % 7, pending.length - at);
            byte[] out = Arrays.copyOfRange(pending, at, at + n);
            at += n;
            return out;
        }

        @Override
        public byte[] readFromCopy(boolean block) throws SQLException {
            return readFromCopy();
        }

        @Override
        public int getFieldCount() {
            return real.getFieldCount();
        }

        @Override
        public int getFormat() {
            return real.getFormat();
        }

        @Override
        public int getFieldFormat(int field) {
            return real.getFieldFormat(field);
        }

        @Override
        public boolean isActive() {
            return at < pending.length || real.isActive();
        }

        @Override
        public void cancelCopy() throws SQLException {
            real.cancelCopy();
        }

        @Override
        public long getHandledRowCount() {
            return real.getHandledRowCount();
        }
    }
}
