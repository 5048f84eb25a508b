package io.voxprint.store.jdbc;

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
import io.voxprint.store.TemplatePlace;
import io.voxprint.store.StoreException.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Speakers, their enrollments, photos, notes and kept audio in the {@code speaker}, {@code enrollment} and {@code kept_audio} tables. */
public final class JdbcSpeakers implements SpeakerRecords {

    private static final String SPEAKER_SELECT = """
            SELECT s.id, s.name, s.created_ms, s.notes, s.photo IS NOT NULL,
                   (SELECT count(*) FROM enrollment e WHERE e.speaker_id = s.id) FROM speaker s""";

    private final JdbcEngine db;
    private final String keepAudio;

    public JdbcSpeakers(JdbcEngine db) {
        this.db = db;
        this.keepAudio = db.upsert("kept_audio", List.of("enrollment_id", "sample_rate", "samples"), List.of("enrollment_id"));
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
            long id = db.insert(c, "INSERT INTO speaker (name, name_key, created_ms, notes) VALUES (?, ?, ?, ?)", ps -> {
                ps.setString(1, name);
                ps.setString(2, Inputs.nameKey(name));
                ps.setLong(3, created);
                ps.setString(4, notes);
            });
            if (photo != null) { // sealed against the new row's id, so after the insert
                writePhoto(c, id, photo);
            }
            return byId(c, id);
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
        return db.read(c -> Rows.list(c, SPEAKER_SELECT + " ORDER BY s.name_key", ps -> { }, JdbcSpeakers::speaker));
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
            writePhoto(c, require(c, n), p);
            return null;
        });
    }

    private void writePhoto(Connection c, long id, byte[] photoOrNull) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE speaker SET photo = ? WHERE id = ?")) {
            ps.setBytes(1, photoOrNull == null ? null : db.codec().encode(TemplatePlace.photo(id), photoOrNull));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
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
                    byte[] stored = rs.getBytes(1);
                    return stored == null ? Optional.<byte[]>empty() : Optional.of(db.codec().decode(TemplatePlace.photo(id), stored));
                }
            }
        });
    }

    @Override
    public Map<String, byte[]> photos() {
        return db.read(c -> {
            Map<String, byte[]> all = new LinkedHashMap<>();
            Rows.each(c, "SELECT name, photo FROM speaker WHERE photo IS NOT NULL ORDER BY name_key", ps -> { },
                    rs -> all.put(rs.getString(1), rs.getBytes(2)));
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
            return db.insert(c, """
                    INSERT INTO enrollment (speaker_id, source_name, seconds, net_speech_seconds, clipping_ratio, snr_db, created_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", ps -> {
                ps.setLong(1, speakerId);
                ps.setString(2, d.sourceName());
                ps.setDouble(3, d.seconds());
                ps.setDouble(4, d.netSpeechSeconds());
                ps.setDouble(5, d.clippingRatio());
                JdbcValues.setDouble(ps, 6, d.snrDb());
                ps.setLong(7, d.created().toEpochMilli());
            });
        });
    }

    @Override
    public List<Enrollment> enrollments(String speakerName) {
        String n = Inputs.name(speakerName);
        return db.read(c -> {
            long id = require(c, n);
            return Rows.list(c, """
                    SELECT e.id, e.speaker_id, e.source_name, e.seconds, e.net_speech_seconds, e.clipping_ratio,
                           e.snr_db, e.created_ms,
                           (SELECT m.model_sha256 FROM embedding m WHERE m.enrollment_id = e.id ORDER BY m.%s LIMIT 1),
                           EXISTS (SELECT 1 FROM kept_audio k WHERE k.enrollment_id = e.id)
                    FROM enrollment e WHERE e.speaker_id = ? ORDER BY e.id""".formatted(db.insertionOrder()), ps -> ps.setLong(1, id),
                    rs -> new Enrollment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), Instant.ofEpochMilli(rs.getLong(8)),
                            rs.getString(9), rs.getBoolean(10)));
        });
    }

    @Override
    public void keepAudio(long enrollmentId, float[] samples) {
        Inputs.keptAudio(samples, "enrollment " + enrollmentId);
        db.write(c -> {
            long speakerId = JdbcEmbeddings.speakerOfEnrollment(c, enrollmentId);
            try (PreparedStatement ps = c.prepareStatement(keepAudio)) {
                ps.setLong(1, enrollmentId);
                ps.setInt(2, KeptAudio.SAMPLE_RATE);
                ps.setBytes(3, db.codec().encode(TemplatePlace.keptAudio(speakerId, enrollmentId), Floats.toBytes(samples)));
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
            return Rows.list(c, """
                    SELECT e.id, e.source_name, k.samples FROM enrollment e JOIN kept_audio k ON k.enrollment_id = e.id
                    WHERE e.speaker_id = ? ORDER BY e.id""", ps -> ps.setLong(1, id),
                    rs -> new KeptAudio(rs.getLong(1), rs.getString(2), Floats.fromBytes(
                            db.codec().decode(TemplatePlace.keptAudio(id, rs.getLong(1)), rs.getBytes(3)))));
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
