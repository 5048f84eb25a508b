package io.voxprint.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voxprint.store.PackedEmbeddings;
import io.voxprint.store.StoreException;
import io.voxprint.store.TemplateCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows in the server's order, with two speakers' rows apart: each run is handed on as it ends, a
 * speaker met again is noted and its later rows skipped, and the noted speakers read again come whole.
 */
class PackedSpeakerRowsTest {

    private final List<String> handed = new ArrayList<>();
    private final PackedEmbeddings sink = (name, values, count, dimension) -> {
        StringBuilder s = new StringBuilder(name).append(':');
        for (int i = 0; i < count * dimension; i++) {
            s.append((int) values[i]);
        }
        handed.add(s.toString());
    };

    @Test
    void speakersWhoseRowsCameApartAreNotedAndReadAgainWhole() throws Exception {
        PackedSpeakerRows rows = PackedSpeakerRows.inAnyOrder(ENGINE, "m", sink);
        row(rows, 1, "Ann", 11);
        row(rows, 1, "Ann", 12);
        row(rows, 2, "Bob", 21);
        row(rows, 3, "Cy", 31);
        row(rows, 1, "Ann", 13); // Ann again, after Bob and Cy
        row(rows, 1, "Ann", 14);
        row(rows, 3, "Cy", 32); // Cy's run goes on: the skipped rows were another speaker's
        row(rows, 4, "Di", 41);
        row(rows, SpeakerIdSet.BITS + 5, "Ed", 51); // an id beyond the bits
        row(rows, 4, "Di", 42); // Di after Ed: apart too
        row(rows, SpeakerIdSet.BITS + 5, "Ed", 52);
        row(rows, 5, "Fay", 61);
        row(rows, SpeakerIdSet.BITS + 5, "Ed", 53);
        rows.finish();
        assertEquals(List.of("Ann:1112", "Bob:21", "Cy:3132", "Di:41", "Ed:5152", "Fay:61"), handed);
        assertArrayEquals(new long[] {1, 4, SpeakerIdSet.BITS + 5}, rows.apart());

        handed.clear();
        PackedSpeakerRows again = PackedSpeakerRows.grouped(ENGINE, "m", sink);
        row(again, 1, "Ann", 11);
        row(again, 1, "Ann", 12);
        row(again, 1, "Ann", 13);
        row(again, 3, "Cy", 31);
        row(again, 3, "Cy", 32);
        again.finish();
        assertEquals(List.of("Ann:111213", "Cy:3132"), handed, "rows in index order are handed on as they come");
        assertArrayEquals(new long[0], again.apart());
    }

    /** One embedding of a single value, so that the handed-on values name the rows. */
    private static void row(PackedSpeakerRows rows, long speakerId, String name, int value) throws Exception {
        byte[] vector = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array();
        rows.accept(speakerId, name, value, vector);
    }

    /** Only the codec and the damage sentence are used by the rows; the stored values are plain. */
    private static final JdbcEngine ENGINE = new JdbcEngine() {
        @Override
        public <T> T write(SqlWork<T> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T read(SqlWork<T> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TemplateCodec codec() {
            return TemplateCodec.PLAIN;
        }

        @Override
        public StoreException damaged(String detail) {
            return new StoreException(StoreException.Kind.DAMAGED, detail);
        }

        @Override
        public String upsert(String table, List<String> columns, List<String> key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String insertionOrder() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long insert(Connection c, String insertSql, Binding values) {
            throw new UnsupportedOperationException();
        }
    };
}
