package io.voxprint.store.jdbc;

import io.voxprint.store.EmbeddingRecords;
import io.voxprint.store.Floats;
import io.voxprint.store.Inputs;
import io.voxprint.store.PackedEmbeddings;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.StoreException;
import io.voxprint.store.StoreException.Kind;
import io.voxprint.store.StoredEmbedding;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.TemplatePlace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Embeddings in the {@code embedding} table, one row per (enrollment, model), float32 little-endian. */
public final class JdbcEmbeddings implements EmbeddingRecords {
    /** Bounded so that no engine meets its limit on a statement's parameters. */
    private static final int SPEAKERS_PER_QUERY = 500;

    private final JdbcEngine db;

    public JdbcEmbeddings(JdbcEngine db) {
        this.db = db;
    }

    @Override
    public void put(long enrollmentId, String modelSha256, float[] embedding) {
        String model = Inputs.modelSha256(modelSha256);
        Inputs.embedding(embedding, "enrollment " + enrollmentId);
        db.write(c -> {
            long speakerId = speakerOfEnrollment(c, enrollmentId);
            checkDimension(c, model, embedding.length);
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM embedding WHERE enrollment_id = ? AND model_sha256 = ?")) {
                ps.setLong(1, enrollmentId);
                ps.setString(2, model);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO embedding (enrollment_id, model_sha256, dimension, vector) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, enrollmentId);
                ps.setString(2, model);
                ps.setInt(3, embedding.length);
                ps.setBytes(4, db.codec().encode(TemplatePlace.embedding(speakerId, enrollmentId, model), Floats.toBytes(embedding)));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<SpeakerEmbeddings> ofModel(String modelSha256) {
        List<SpeakerEmbeddings> all = new ArrayList<>();
        eachOfModel(modelSha256, all::add);
        return List.copyOf(all);
    }

    @Override
    public void eachOfModel(String modelSha256, Consumer<SpeakerEmbeddings> each) {
        String model = Inputs.modelSha256(modelSha256);
        db.read(c -> {
            SpeakerGroups groups = new SpeakerGroups(db.codec(), model, each);
            if (!db.bulkEmbeddingRows(c, model, true, groups)) {
                rows(c, model, null, groups);
            }
            groups.finish();
            return null;
        });
    }

    @Override
    public void packedOfModel(String modelSha256, PackedEmbeddings sink) {
        String model = Inputs.modelSha256(modelSha256);
        db.read(c -> {
            sink.expect(speakerCount(c));
            PackedSpeakerRows rows = PackedSpeakerRows.inAnyOrder(db, model, sink);
            if (db.bulkEmbeddingRows(c, model, false, rows)) {
                rows.finish();
                // speakers whose rows came apart were handed on in part: now whole, which replaces the part
                PackedSpeakerRows again = PackedSpeakerRows.grouped(db, model, sink);
                rowsOfSpeakers(c, model, rows.apart(), again);
                again.finish();
            } else {
                PackedSpeakerRows grouped = PackedSpeakerRows.grouped(db, model, sink);
                rows(c, model, null, grouped);
                grouped.finish();
            }
            return null;
        });
    }

    /** Every speaker, with or without embeddings of a model: the room a model's index may need. */
    private static int speakerCount(Connection c) throws SQLException {
        return (int) Math.min(Integer.MAX_VALUE, Rows.count(c, "SELECT count(*) FROM speaker"));
    }

    @Override
    public Optional<SpeakerEmbeddings> ofSpeaker(String speakerName, String modelSha256) {
        String model = Inputs.modelSha256(modelSha256);
        String wanted = Inputs.name(speakerName);
        return db.read(c -> {
            Long id = SpeakerIds.idOf(c, wanted);
            if (id == null) {
                return Optional.<SpeakerEmbeddings>empty();
            }
            List<SpeakerEmbeddings> found = new ArrayList<>(1);
            SpeakerGroups groups = new SpeakerGroups(db.codec(), model, found::add);
            rows(c, model, id, groups);
            groups.finish();
            return found.stream().findFirst();
        });
    }

    @Override
    public List<StoredEmbedding> allOfSpeaker(String speakerName) {
        String wanted = Inputs.name(speakerName);
        return db.read(c -> {
            long id = SpeakerIds.require(c, wanted);
            return Rows.list(c, """
                    SELECT e.id, m.model_sha256, m.vector FROM enrollment e JOIN embedding m ON m.enrollment_id = e.id
                    WHERE e.speaker_id = ? ORDER BY e.id, m.""" + db.insertionOrder(), ps -> ps.setLong(1, id),
                    rs -> new StoredEmbedding(rs.getLong(1), rs.getString(2), Floats.fromBytes(db.codec().decode(
                            TemplatePlace.embedding(id, rs.getLong(1), rs.getString(2)), rs.getBytes(3)))));
        });
    }

    @Override
    public List<String> speakersWithout(String modelSha256) {
        String model = Inputs.modelSha256(modelSha256);
        return db.read(c -> Rows.list(c, """
                SELECT s.name FROM speaker s WHERE NOT EXISTS (
                  SELECT 1 FROM enrollment e JOIN embedding m ON m.enrollment_id = e.id
                  WHERE e.speaker_id = s.id AND m.model_sha256 = ?) ORDER BY s.name_key""",
                ps -> ps.setString(1, model), rs -> rs.getString(1)));
    }

    @Override
    public long count() {
        return db.read(c -> Rows.count(c, "SELECT count(*) FROM embedding"));
    }

    /**
     * The embedding rows of one model (a literal, or a placeholder) in index order: speaker id, speaker
     * name, enrollment id, stored vector; by name and then by enrollment, so one speaker's rows are
     * next to each other. {@code speakerCondition} narrows the speakers ("true" for all).
     */
    public static String rowsOfModel(String model, String speakerCondition) {
        return rowsOfModelInAnyOrder(model, speakerCondition) + " ORDER BY s.name_key, e.id";
    }

    /**
     * The rows of {@link #rowsOfModel} in whatever order the server finds them: for a million rows,
     * sorting them took the server longer than finding them, and none could be sent before the sort
     * ended. One speaker's rows then mostly come together, but not always (see {@link PackedSpeakerRows}).
     */
    public static String rowsOfModelInAnyOrder(String model, String speakerCondition) {
        return "SELECT s.id, s.name, e.id, m.vector FROM embedding m"
                + " JOIN enrollment e ON e.id = m.enrollment_id JOIN speaker s ON s.id = e.speaker_id"
                + " WHERE m.model_sha256 = " + model + " AND (" + speakerCondition + ")";
    }

    /** The rows of {@link #rowsOfModel} one by one through the driver (of one speaker, or of all when {@code speakerId} is null). */
    public static void rows(Connection c, String model, Long speakerId, JdbcEngine.EmbeddingRow sink) throws SQLException {
        eachRow(c, rowsOfModel("?", "? IS NULL OR s.id = ?"), ps -> {
            ps.setString(1, model);
            ps.setObject(2, speakerId, Types.BIGINT); // typed: PostgreSQL cannot guess the type of a bare NULL
            ps.setObject(3, speakerId, Types.BIGINT);
        }, sink);
    }

    /** The rows of {@link #rowsOfModel} of the given speakers, a few hundred speakers to a query. */
    static void rowsOfSpeakers(Connection c, String model, long[] speakerIds, JdbcEngine.EmbeddingRow sink) throws SQLException {
        for (int from = 0; from < speakerIds.length; from += SPEAKERS_PER_QUERY) {
            long[] ids = Arrays.copyOfRange(speakerIds, from, Math.min(speakerIds.length, from + SPEAKERS_PER_QUERY));
            String marks = String.join(", ", Collections.nCopies(ids.length, "?"));
            eachRow(c, rowsOfModel("?", "s.id IN (" + marks + ")"), ps -> {
                ps.setString(1, model);
                for (int i = 0; i < ids.length; i++) {
                    ps.setLong(i + 2, ids[i]);
                }
            }, sink);
        }
    }

    /** Each row of a query of {@link #rowsOfModel}'s columns to {@code sink}. */
    private static void eachRow(Connection c, String sql, JdbcEngine.Binding values, JdbcEngine.EmbeddingRow sink)
            throws SQLException {
        Rows.each(c, sql, values, rs -> sink.accept(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)));
    }

    /** Hands each speaker on, with its embeddings as arrays, once its last row has come. */
    private static final class SpeakerGroups extends SpeakerRuns {
        private final Consumer<SpeakerEmbeddings> each;
        private SpeakerEmbeddings current;

        SpeakerGroups(TemplateCodec codec, String model, Consumer<SpeakerEmbeddings> each) {
            super(codec, model);
            this.each = each;
        }

        @Override
        void begin(long speakerId, String speakerName) {
            current = new SpeakerEmbeddings(speakerId, speakerName, new ArrayList<>(2));
        }

        @Override
        void add(long speakerId, long enrollmentId, byte[] plainVector) {
            current.embeddings().add(Floats.fromBytes(plainVector));
        }

        @Override
        void end(long speakerId) {
            each.accept(current);
            current = null;
        }
    }

    /** The enrollment's speaker (a sealed template is bound to it); refuses an unknown enrollment. */
    public static long speakerOfEnrollment(Connection c, long enrollmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT speaker_id FROM enrollment WHERE id = ?")) {
            ps.setLong(1, enrollmentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException(Kind.UNKNOWN_SPEAKER, "There is no enrollment number " + enrollmentId + ".");
                }
                return rs.getLong(1);
            }
        }
    }

    /** One model makes vectors of one size; a different size means the caller mixed up models. */
    private static void checkDimension(Connection c, String model, int dimension) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT dimension FROM embedding WHERE model_sha256 = ? LIMIT 1")) {
            ps.setString(1, model);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) != dimension) {
                    throw new StoreException(Kind.MODEL_MISMATCH, "An embedding has " + dimension
                            + " values but the stored embeddings of model " + model.substring(0, 12) + "... have "
                            + rs.getInt(1) + "; nothing was saved.");
                }
            }
        }
    }
}
