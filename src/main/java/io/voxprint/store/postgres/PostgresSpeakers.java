package io.voxprint.store.postgres;

import static io.voxprint.store.jdbc.SpeakerIds.idOf;
import static io.voxprint.store.jdbc.SpeakerIds.require;

import io.voxprint.store.Enrollment;
import io.voxprint.store.EnrollmentDetails;
import io.voxprint.store.Floats;
import io.voxprint.store.Inputs;
import io.voxprint.store.KeptAudio;
import io.voxprint.store.NewSpeaker;
import io.voxprint.store.Speaker;
import io.voxprint.store.SpeakerRecords;
import io.voxprint.store.StoreException;
import io.voxprint.store.StoreException.Kind;
import io.voxprint.store.jdbc.JdbcEmbeddings;
import io.voxprint.store.jdbc.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Speakers, their enrollments, photos, notes and kept audio in the {@code speaker}, {@code enrollment}
 * and {@code kept_audio} tables of a PostgreSQL database. The same statements as the SQLite engine's
 * but for ids (RETURNING) and replacing rows (ON CONFLICT).
 */
final class PostgresSpeakers implements SpeakerRecords {

    private static final String SPEAKER_SELECT = """
            SELECT s.id, s.name, s.created_ms, s.notes, s.photo IS NOT NULL,
                   (SELECT count(*) FROM enrollment e WHERE e.speaker_id = s.id) FROM speaker s""";

    private final PostgresDatabase db;

    PostgresSpeakers(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Speaker add(NewSpeaker speaker) {
        if (speaker == null) {
            throw Inputs.invalid("A speaker to add is missing.");
        }
        String name = Inputs.name(speaker.name());
        String notes = Inputs.notes(speaker.notes());
        byte[] photo = Inputs.photo(speaker.photo());
        long created = (speaker.created() == null ? Instant.now() : speaker.created()).toEpochMilli();
        return db.write(c -> {
            String existing = nameOf(c, name);
            if (existing != null) {
                throw Inputs.duplicateName(name, existing);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO speaker (name, name_key, created_ms, notes, photo) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, name);
                ps.setString(2, Inputs.nameKey(name));
                ps.setLong(3, created);
                ps.setString(4, notes);
                ps.setBytes(5, photo);
                return byId(c, returnedId(ps));
            }
        });
    }

    @Override
    public Optional<Speaker> find(String name) {
        String wanted = Inputs.name(name);
        return db.read(c -> {
            Long id = idOf(c, wanted);
            return id == null ? Optional.<Speaker>empty() : Optional.of(byId(c, id));
        });
    }

    @Override
    public List<Speaker> list() {
        return db.read(c -> {
            List<Speaker> all = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SPEAKER_SELECT + " ORDER BY s.name_key")) {
                while (rs.next()) {
                    all.add(speaker(rs));
                }
            }
            return all;
        });
    }

    @Override
    public void rename(String oldName, String newName) {
        String from = Inputs.name(oldName);
        String to = Inputs.name(newName);
        db.write(c -> {
            long id = require(c, from);
            Long holder = idOf(c, to);
            if (holder != null && holder != id) {
                throw Inputs.duplicateName(to, nameOf(c, to));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE speaker SET name = ?, name_key = ? WHERE id = ?")) {
                ps.setString(1, to);
                ps.setString(2, Inputs.nameKey(to));
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void delete(String name) {
        String n = Inputs.name(name);
        db.write(c -> {
            long id = require(c, n);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM speaker WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void setPhoto(String name, byte[] photo) {
        String n = Inputs.name(name);
        byte[] p = Inputs.photo(photo);
        db.write(c -> {
            long id = require(c, n);
            try (PreparedStatement ps = c.prepareStatement("UPDATE speaker SET photo = ? WHERE id = ?")) {
                ps.setBytes(1, p);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<byte[]> photo(String name) {
        String n = Inputs.name(name);
        return db.read(c -> {
            long id = require(c, n);
            try (PreparedStatement ps = c.prepareStatement("SELECT photo FROM speaker WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(rs.getBytes(1));
                }
            }
        });
    }

    @Override
    public Map<String, byte[]> photos() {
        return db.read(c -> {
            Map<String, byte[]> all = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name, photo FROM speaker WHERE photo IS NOT NULL ORDER BY name_key")) {
                while (rs.next()) {
                    all.put(rs.getString(1), rs.getBytes(2));
                }
            }
            return all;
        });
    }

    @Override
    public void setNotes(String name, String notes) {
        String n = Inputs.name(name);
        String text = Inputs.notes(notes);
        db.write(c -> {
            long id = require(c, n);
            try (PreparedStatement ps = c.prepareStatement("UPDATE speaker SET notes = ? WHERE id = ?")) {
                ps.setString(1, text);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public long addEnrollment(long speakerId, EnrollmentDetails details) {
        EnrollmentDetails d = Inputs.details(details);
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM speaker WHERE id = ?")) {
                ps.setLong(1, speakerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(Kind.UNKNOWN_SPEAKER, "There is no speaker number " + speakerId + ".");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO enrollment (speaker_id, source_name, seconds, net_speech_seconds, clipping_ratio, snr_db, created_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                ps.setLong(1, speakerId);
                ps.setString(2, d.sourceName());
                ps.setDouble(3, d.seconds());
                ps.setDouble(4, d.netSpeechSeconds());
                ps.setDouble(5, d.clippingRatio());
                JdbcValues.setDouble(ps, 6, d.snrDb());
                ps.setLong(7, d.created().toEpochMilli());
                return returnedId(ps);
            }
        });
    }

    @Override
    public List<Enrollment> enrollments(String speakerName) {
        String n = Inputs.name(speakerName);
        return db.read(c -> {
            long id = require(c, n);
            List<Enrollment> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT e.id, e.speaker_id, e.source_name, e.seconds, e.net_speech_seconds, e.clipping_ratio,
                           e.snr_db, e.created_ms,
                           (SELECT m.model_sha256 FROM embedding m WHERE m.enrollment_id = e.id ORDER BY m.added LIMIT 1),
                           EXISTS (SELECT 1 FROM kept_audio k WHERE k.enrollment_id = e.id)
                    FROM enrollment e WHERE e.speaker_id = ? ORDER BY e.id""")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new Enrollment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), Instant.ofEpochMilli(rs.getLong(8)),
                                rs.getString(9), rs.getBoolean(10)));
                    }
                }
            }
            return list;
        });
    }

    @Override
    public void keepAudio(long enrollmentId, float[] samples) {
        Inputs.keptAudio(samples, "enrollment " + enrollmentId);
        db.write(c -> {
            JdbcEmbeddings.speakerOfEnrollment(c, enrollmentId);
            try (PreparedStatement ps = c.prepareStatement(
                    """
                    INSERT INTO kept_audio (enrollment_id, sample_rate, samples) VALUES (?, ?, ?)
                    ON CONFLICT (enrollment_id) DO UPDATE SET sample_rate = excluded.sample_rate, samples = excluded.samples""")) {
                ps.setLong(1, enrollmentId);
                ps.setInt(2, KeptAudio.SAMPLE_RATE);
                ps.setBytes(3, Floats.toBytes(samples));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<KeptAudio> keptAudio(String speakerName) {
        String n = Inputs.name(speakerName);
        return db.read(c -> {
            long id = require(c, n);
            List<KeptAudio> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT e.id, e.source_name, k.samples FROM enrollment e JOIN kept_audio k ON k.enrollment_id = e.id
                    WHERE e.speaker_id = ? ORDER BY e.id""")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new KeptAudio(rs.getLong(1), rs.getString(2), Floats.fromBytes(rs.getBytes(3))));
                    }
                }
            }
            return list;
        });
    }

    // ---------------------------------------------------------------- shared with the other record kinds

    private static String nameOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM speaker WHERE name_key = ?")) {
            ps.setString(1, Inputs.nameKey(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long returnedId(PreparedStatement insertReturningId) throws SQLException {
        try (ResultSet rs = insertReturningId.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Speaker speaker(ResultSet rs) throws SQLException {
        return new Speaker(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                rs.getBoolean(5), rs.getInt(6));
    }

    private static Speaker byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SPEAKER_SELECT + " WHERE s.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return speaker(rs);
            }
        }
    }
}
