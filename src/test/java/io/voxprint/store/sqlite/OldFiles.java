package io.voxprint.store.sqlite;

import io.voxprint.store.DbDump;
import io.voxprint.store.Fixtures;
import io.voxprint.store.Floats;
import io.voxprint.store.Speaker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Builds schema-1 files as the first Voxprint wrote them, and fingerprints their content. */
final class OldFiles {

    private OldFiles() {
    }

    /**
     * A v1 file with {@code speakers} speakers of {@code takes} enrollments each; audio of
     * {@code audioSamples} samples on every other enrollment. Speaker 1 is "anna" to clash with "Anna".
     */
    static void writeV1(Path file, int speakers, int takes, int audioSamples) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeQuery("PRAGMA journal_mode = WAL").close();
            SqliteSchema.upgrade(c, file, 1);
            s.execute("BEGIN");
            try (PreparedStatement sp = c.prepareStatement(
                    "INSERT INTO speaker (id, name, created_ms, notes, photo) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement en = c.prepareStatement("""
                            INSERT INTO enrollment (id, speaker_id, source_name, seconds, net_speech_seconds, clipping_ratio,
                              snr_db, created_ms, model_sha256, dimension, embedding, audio)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int enrollmentId = 1;
                for (int i = 0; i < speakers; i++) {
                    String name = i == 0 ? "Anna" : i == 1 ? "anna" : "Speaker " + i;
                    sp.setInt(1, i + 1);
                    sp.setString(2, name);
                    sp.setLong(3, 1_600_000_000_000L + i);
                    sp.setString(4, "notes " + i);
                    sp.setBytes(5, i % 2 == 0 ? Fixtures.png(i) : null);
                    sp.executeUpdate();
                    for (int t = 0; t < takes; t++) {
                        en.setInt(1, enrollmentId);
                        en.setInt(2, i + 1);
                        en.setString(3, name + "-" + t + ".wav");
                        en.setDouble(4, 5.5);
                        en.setDouble(5, 4.25);
                        en.setDouble(6, 0.0);
                        en.setDouble(7, 31.5);
                        en.setLong(8, 1_600_000_100_000L + enrollmentId);
                        en.setString(9, Fixtures.MODEL_A);
                        en.setInt(10, Fixtures.DIM);
                        en.setBytes(11, Floats.toBytes(Fixtures.vector(name, t, Fixtures.DIM)));
                        en.setBytes(12, enrollmentId % 2 == 0 && audioSamples > 0 ? Floats.toBytes(Fixtures.audio(name, t, audioSamples)) : null);
                        en.executeUpdate();
                        enrollmentId++;
                    }
                }
                s.execute("INSERT INTO audit (time_ms, kind, claimed_name, result, score, threshold, model_sha256, source) "
                        + "VALUES (1600000200000, 'verify', 'Anna', 'accepted', 0.7, 0.5, '" + Fixtures.MODEL_A + "', 'mic')");
            }
            s.execute("COMMIT");
        }
    }

    /** A digest of what both schemas hold (enrollments with their embedding and audio), read the v1 way. */
    static String contentV1(Connection c) throws SQLException {
        return digest(c, """
                SELECT e.id, e.speaker_id, e.source_name, e.seconds, e.created_ms, e.model_sha256, e.embedding, e.audio,
                       s.created_ms, s.notes, s.photo
                FROM enrollment e JOIN speaker s ON s.id = e.speaker_id ORDER BY e.id""");
    }

    /** {@link #contentV1(Connection)} of the file, read past Voxprint. */
    static String contentV1(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return contentV1(c);
        }
    }

    /** {@link #contentV2(Connection)} of the file, read past Voxprint. */
    static String contentV2(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return contentV2(c);
        }
    }

    /** The same digest read the v2 way. */
    static String contentV2(Connection c) throws SQLException {
        return digest(c, """
                SELECT e.id, e.speaker_id, e.source_name, e.seconds, e.created_ms, m.model_sha256, m.vector, k.samples,
                       s.created_ms, s.notes, s.photo
                FROM enrollment e JOIN speaker s ON s.id = e.speaker_id JOIN embedding m ON m.enrollment_id = e.id
                LEFT JOIN kept_audio k ON k.enrollment_id = e.id ORDER BY e.id""");
    }

    private static String digest(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            int rows = 0;
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= 11; i++) {
                    Object v = rs.getObject(i);
                    md.update((v instanceof byte[] b ? DbDump.sha256(b) : String.valueOf(v)).getBytes());
                    md.update((byte) '|');
                }
            }
            return rows + ":" + HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
