package io.voxprint.store;

import io.voxprint.store.StoreException.Kind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Enrolled speakers, their embeddings, the audit log and the embedding cache in one SQLite file.
 * Every public method is one transaction; calls on one instance are serialised (one connection), and
 * other instances or processes may use the same file at the same time.
 */
public final class VoiceprintStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VoiceprintStore.class);
    static final int BUSY_TIMEOUT_MS = 5_000;
    /** How long a transaction is retried when SQLite answers "locked" without waiting (WAL snapshot races). */
    static final long RETRY_FOR_MS = 15_000;
    static final int MAX_CACHED_EMBEDDINGS = 50_000;

    private final Path file;
    private final Connection connection;
    private boolean closed;

    private VoiceprintStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** {@code $XDG_DATA_HOME/voxprint/voxprint.db}, by default {@code ~/.local/share/voxprint/voxprint.db}. */
    public static Path defaultLocation() {
        return StoreFiles.defaultLocation();
    }

    /** Opens the file, creating it (mode 0600, folders 0700) or upgrading an older schema in place. */
    public static VoiceprintStore open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        StoreFiles.prepare(path);
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.resetOpenMode(SQLiteOpenMode.CREATE); // we created the file ourselves, with its permissions
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            c = config.createConnection("jdbc:sqlite:" + path);
            prepareConnection(c, path);
            return new VoiceprintStore(path, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw SqliteErrors.translate(e, path);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void prepareConnection(Connection c, Path path) throws SQLException {
        // Reading comes first and writes nothing, so a damaged or newer file is refused untouched.
        int version = Migrations.version(c);
        if (version > Migrations.CURRENT) {
            throw new StoreException(Kind.NEWER_VERSION, "The database file '" + path
                    + "' was written by a newer Voxprint (schema " + version + "; this version knows "
                    + Migrations.CURRENT + "); update Voxprint to use it.");
        }
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
                String verdict = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(verdict)) {
                    throw SqliteErrors.damaged(path, "SQLite's check reports \"" + verdict + "\"", null);
                }
            }
            String mode = retryingBusy(path, () -> {
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            });
            if (!"wal".equalsIgnoreCase(mode)) {
                log.warn("{} stays in journal mode {}", path, mode);
            }
            // FULL: a committed enrollment survives a power cut, not only a crash; writes are rare.
            s.execute("PRAGMA synchronous = FULL");
            // deleted voiceprints are overwritten, not left in free pages
            s.execute("PRAGMA secure_delete = ON");
            retryingBusy(path, () -> {
                Migrations.upgrade(c, path, Migrations.CURRENT);
                return null;
            });
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    public Path file() {
        return file;
    }

    public synchronized int schemaVersion() {
        return read(Migrations::version);
    }

    // ---------------------------------------------------------------- speakers

    /**
     * Adds all {@code takes} to the speaker in one transaction, creating the speaker when missing and
     * {@code createIfMissing}; a non-null photo replaces the speaker's photo.
     */
    public Speaker enroll(String speakerName, List<NewEnrollment> takes, boolean createIfMissing, byte[] photoOrNull) {
        String name = Inputs.name(speakerName);
        if (takes == null || takes.isEmpty()) {
            throw Inputs.invalid("An enrollment of '" + name + "' needs at least one recording.");
        }
        for (int i = 0; i < takes.size(); i++) {
            Inputs.enrollment(takes.get(i), i);
        }
        byte[] photo = Inputs.photo(photoOrNull);
        long now = System.currentTimeMillis();
        return write(c -> {
            Long id = speakerId(c, name);
            if (id == null) {
                if (!createIfMissing) {
                    throw Inputs.unknownSpeaker(name);
                }
                id = insertSpeaker(c, name, now, "", photo);
            } else if (photo != null) {
                updatePhoto(c, id, photo);
            }
            for (NewEnrollment take : takes) {
                checkDimension(c, take.modelSha256(), take.embedding().length);
                long enrollmentId = insertEnrollment(c, id, take.sourceName(), take.seconds(), take.netSpeechSeconds(),
                        take.clippingRatio(), take.snrDb(), now);
                insertEmbedding(c, enrollmentId, take.modelSha256(), take.embedding());
                if (take.keptAudio() != null) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO kept_audio (enrollment_id, sample_rate, samples) VALUES (?, ?, ?)")) {
                        ps.setLong(1, enrollmentId);
                        ps.setInt(2, KeptAudio.SAMPLE_RATE);
                        ps.setBytes(3, Floats.toBytes(take.keptAudio()));
                        ps.executeUpdate();
                    }
                }
            }
            return speakerById(c, id);
        });
    }

    /** Creates a speaker without recordings; refuses a name already taken (ignoring case). */
    public Speaker createSpeaker(String speakerName, String notes, byte[] photoOrNull) {
        String name = Inputs.name(speakerName);
        String n = Inputs.notes(notes);
        byte[] photo = Inputs.photo(photoOrNull);
        long now = System.currentTimeMillis();
        return write(c -> {
            String existing = nameOf(c, name);
            if (existing != null) {
                throw Inputs.duplicateName(name, existing);
            }
            return speakerById(c, insertSpeaker(c, name, now, n, photo));
        });
    }

    /** The speaker whose name equals {@code name} ignoring case and surrounding spaces. */
    public Optional<Speaker> findSpeaker(String name) {
        String wanted = Inputs.name(name);
        return read(c -> {
            Long id = speakerId(c, wanted);
            return id == null ? Optional.<Speaker>empty() : Optional.of(speakerById(c, id));
        });
    }

    public List<Speaker> listSpeakers() {
        return read(c -> {
            List<Speaker> all = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SPEAKER_SELECT + " ORDER BY s.name_key")) {
                while (rs.next()) {
                    all.add(speaker(rs));
                }
            }
            return all;
        });
    }

    /** Renames; a change of case or spacing of the same name is allowed, another speaker's name is not. */
    public void renameSpeaker(String oldName, String newName) {
        String from = Inputs.name(oldName);
        String to = Inputs.name(newName);
        write(c -> {
            long id = requireSpeaker(c, from);
            Long holder = speakerId(c, to);
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

    /** Deletes the speaker with all enrollments, embeddings and kept audio (the audit log keeps its lines). */
    public void deleteSpeaker(String name) {
        String n = Inputs.name(name);
        write(c -> {
            long id = requireSpeaker(c, n);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM speaker WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Sets the photo (PNG or JPEG bytes); null removes it. */
    public void setPhoto(String name, byte[] photo) {
        String n = Inputs.name(name);
        byte[] p = Inputs.photo(photo);
        write(c -> {
            updatePhoto(c, requireSpeaker(c, n), p);
            return null;
        });
    }

    public Optional<byte[]> photo(String name) {
        String n = Inputs.name(name);
        return read(c -> {
            long id = requireSpeaker(c, n);
            try (PreparedStatement ps = c.prepareStatement("SELECT photo FROM speaker WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(rs.getBytes(1));
                }
            }
        });
    }

    /** Every photo by speaker name, in one query (lists show many speakers with their photos). */
    public Map<String, byte[]> photos() {
        return read(c -> {
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

    public void setNotes(String name, String notes) {
        String n = Inputs.name(name);
        String text = Inputs.notes(notes);
        write(c -> {
            long id = requireSpeaker(c, n);
            try (PreparedStatement ps = c.prepareStatement("UPDATE speaker SET notes = ? WHERE id = ?")) {
                ps.setString(1, text);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- enrollments and embeddings

    public List<Enrollment> enrollments(String speakerName) {
        String n = Inputs.name(speakerName);
        return read(c -> {
            long id = requireSpeaker(c, n);
            List<Enrollment> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT e.id, e.speaker_id, e.source_name, e.seconds, e.net_speech_seconds, e.clipping_ratio,
                           e.snr_db, e.created_ms,
                           (SELECT m.model_sha256 FROM embedding m WHERE m.enrollment_id = e.id ORDER BY m.rowid LIMIT 1),
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

    /** Every speaker with at least one embedding of this model, by name, with those embeddings. */
    public List<SpeakerEmbeddings> embeddingsForModel(String modelSha256) {
        String model = Inputs.modelSha256(modelSha256);
        return read(c -> embeddings(c, model, null));
    }

    /**
     * One speaker's embeddings of this model (empty when the speaker has none), so that keeping an
     * in-memory index current after an enrollment does not read every other speaker.
     */
    public Optional<SpeakerEmbeddings> embeddingsOfSpeaker(String speakerName, String modelSha256) {
        String model = Inputs.modelSha256(modelSha256);
        String wanted = Inputs.name(speakerName);
        return read(c -> {
            Long id = speakerId(c, wanted);
            return id == null ? Optional.<SpeakerEmbeddings>empty() : embeddings(c, model, id).stream().findFirst();
        });
    }

    private static List<SpeakerEmbeddings> embeddings(Connection c, String model, Long speakerId) throws SQLException {
        Map<Long, SpeakerEmbeddings> bySpeaker = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.id, s.name, m.vector FROM embedding m
                JOIN enrollment e ON e.id = m.enrollment_id JOIN speaker s ON s.id = e.speaker_id
                WHERE m.model_sha256 = ? AND (? IS NULL OR s.id = ?) ORDER BY s.name_key, e.id""")) {
            ps.setString(1, model);
            ps.setObject(2, speakerId);
            ps.setObject(3, speakerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String name = rs.getString(2);
                    bySpeaker.computeIfAbsent(id, k -> new SpeakerEmbeddings(k, name, new ArrayList<>()))
                            .embeddings().add(Floats.fromBytes(rs.getBytes(3)));
                }
            }
        }
        return List.copyOf(bySpeaker.values());
    }

    /** Names of speakers without any embedding of this model (they cannot be scored with it). */
    public List<String> speakersNeedingReEnrollment(String modelSha256) {
        String model = Inputs.modelSha256(modelSha256);
        return read(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.name FROM speaker s WHERE NOT EXISTS (
                      SELECT 1 FROM enrollment e JOIN embedding m ON m.enrollment_id = e.id
                      WHERE e.speaker_id = s.id AND m.model_sha256 = ?) ORDER BY s.name_key""")) {
                ps.setString(1, model);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return names;
        });
    }

    public List<KeptAudio> keptAudio(String speakerName) {
        String n = Inputs.name(speakerName);
        return read(c -> {
            long id = requireSpeaker(c, n);
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

    /**
     * Stores the embedding of an existing enrollment made by another model (re-enrollment from kept
     * audio after a model change); replaces an earlier embedding of the same model.
     */
    public void addEmbedding(long enrollmentId, String modelSha256, float[] embedding) {
        String model = Inputs.modelSha256(modelSha256);
        Inputs.embedding(embedding, "enrollment " + enrollmentId);
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM enrollment WHERE id = ?")) {
                ps.setLong(1, enrollmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException(Kind.UNKNOWN_SPEAKER, "There is no enrollment number " + enrollmentId + ".");
                    }
                }
            }
            checkDimension(c, model, embedding.length);
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM embedding WHERE enrollment_id = ? AND model_sha256 = ?")) {
                ps.setLong(1, enrollmentId);
                ps.setString(2, model);
                ps.executeUpdate();
            }
            insertEmbedding(c, enrollmentId, model, embedding);
            return null;
        });
    }

    // ---------------------------------------------------------------- audit and cache

    public void audit(AuditEntry entry) {
        if (entry == null || entry.time() == null) {
            throw Inputs.invalid("An audit entry needs a time.");
        }
        if (!"verify".equals(entry.kind()) && !"identify".equals(entry.kind())) {
            throw Inputs.invalid("An audit entry's kind must be 'verify' or 'identify', not '" + entry.kind() + "'.");
        }
        if (entry.result() == null || entry.result().isBlank()) {
            throw Inputs.invalid("An audit entry needs a result.");
        }
        Inputs.modelSha256(entry.modelSha256());
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO audit (time_ms, kind, claimed_name, result, score, threshold, model_sha256, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, entry.time().toEpochMilli());
                ps.setString(2, entry.kind());
                ps.setString(3, entry.claimedName());
                ps.setString(4, entry.result());
                setDouble(ps, 5, entry.score());
                setDouble(ps, 6, entry.threshold());
                ps.setString(7, entry.modelSha256());
                ps.setString(8, entry.source());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The newest {@code limit} entries, newest first. */
    public List<AuditEntry> auditLog(int limit) {
        if (limit <= 0) {
            throw Inputs.invalid("The number of audit entries to show must be positive.");
        }
        return read(c -> {
            List<AuditEntry> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT time_ms, kind, claimed_name, result, score, threshold, model_sha256, source
                    FROM audit ORDER BY id DESC LIMIT ?""")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(new AuditEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
                                rs.getString(4), getDouble(rs, 5), getDouble(rs, 6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return list;
        });
    }

    public Optional<float[]> cachedEmbedding(String audioSha256, String modelSha256) {
        String audio = Inputs.modelSha256(audioSha256);
        String model = Inputs.modelSha256(modelSha256);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT vector FROM embedding_cache WHERE audio_sha256 = ? AND model_sha256 = ?")) {
                ps.setString(1, audio);
                ps.setString(2, model);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Floats.fromBytes(rs.getBytes(1))) : Optional.<float[]>empty();
                }
            }
        });
    }

    /** Remembers an embedding; beyond {@value #MAX_CACHED_EMBEDDINGS} entries the oldest tenth is dropped. */
    public void cacheEmbedding(String audioSha256, String modelSha256, float[] embedding) {
        String audio = Inputs.modelSha256(audioSha256);
        String model = Inputs.modelSha256(modelSha256);
        Inputs.embedding(embedding, "the cached audio");
        long now = System.currentTimeMillis();
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT OR REPLACE INTO embedding_cache (audio_sha256, model_sha256, dimension, vector, created_ms)
                    VALUES (?, ?, ?, ?, ?)""")) {
                ps.setString(1, audio);
                ps.setString(2, model);
                ps.setInt(3, embedding.length);
                ps.setBytes(4, Floats.toBytes(embedding));
                ps.setLong(5, now);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM embedding_cache")) {
                if (rs.next() && rs.getInt(1) > MAX_CACHED_EMBEDDINGS) {
                    s.execute("DELETE FROM embedding_cache WHERE (audio_sha256, model_sha256) IN (SELECT audio_sha256, "
                            + "model_sha256 FROM embedding_cache ORDER BY created_ms LIMIT " + MAX_CACHED_EMBEDDINGS / 10 + ")");
                }
            }
            return null;
        });
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(connection);
        }
    }

    // ---------------------------------------------------------------- archive support (package-private)

    /** Bundles of the named speakers (all when empty), in name order; unknown names are refused. */
    List<SpeakerBundle> bundles(List<String> names) {
        return read(c -> {
            List<Long> ids = new ArrayList<>();
            if (names == null || names.isEmpty()) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM speaker ORDER BY name_key")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            } else {
                for (String n : names) {
                    ids.add(requireSpeaker(c, Inputs.name(n)));
                }
            }
            List<SpeakerBundle> bundles = new ArrayList<>();
            for (long id : ids) {
                bundles.add(bundle(c, id));
            }
            return bundles;
        });
    }

    private static SpeakerBundle bundle(Connection c, long id) throws SQLException {
        String name;
        Instant created;
        String notes;
        byte[] photo;
        try (PreparedStatement ps = c.prepareStatement("SELECT name, created_ms, notes, photo FROM speaker WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                name = rs.getString(1);
                created = Instant.ofEpochMilli(rs.getLong(2));
                notes = rs.getString(3);
                photo = rs.getBytes(4);
            }
        }
        Map<Long, SpeakerBundle.Take> takes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT e.id, e.source_name, e.seconds, e.net_speech_seconds, e.clipping_ratio, e.snr_db, e.created_ms,
                       m.model_sha256, m.vector
                FROM enrollment e JOIN embedding m ON m.enrollment_id = e.id
                WHERE e.speaker_id = ? ORDER BY e.id, m.rowid""")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SpeakerBundle.Take take = takes.get(rs.getLong(1));
                    if (take == null) {
                        take = new SpeakerBundle.Take(rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                                rs.getDouble(6), Instant.ofEpochMilli(rs.getLong(7)), new LinkedHashMap<>());
                        takes.put(rs.getLong(1), take);
                    }
                    take.embeddings().put(rs.getString(8), Floats.fromBytes(rs.getBytes(9)));
                }
            }
        }
        return new SpeakerBundle(name, created, notes, photo, List.copyOf(takes.values()));
    }

    /** Adds the bundles as new speakers in one transaction (the caller has validated them). */
    ImportResult importBundles(List<SpeakerBundle> bundles, ClashPolicy policy, String archiveName) {
        return write(c -> {
            List<String> stored = new ArrayList<>();
            Map<String, String> renamed = new LinkedHashMap<>();
            Set<String> takenInArchive = new HashSet<>();
            int enrollments = 0;
            for (SpeakerBundle b : bundles) {
                String name = b.name();
                if (nameOf(c, name) != null || takenInArchive.contains(Inputs.nameKey(name))) {
                    if (policy == ClashPolicy.REFUSE) {
                        String existing = nameOf(c, name);
                        throw new StoreException(Kind.DUPLICATE_NAME, "The archive '" + archiveName + "' holds a speaker named '"
                                + name + "', but '" + (existing == null ? name : existing)
                                + "' already exists; nothing was imported (import with renaming, or rename one of them first).");
                    }
                    String base = name;
                    for (int n = 2; nameOf(c, name) != null || takenInArchive.contains(Inputs.nameKey(name)); n++) {
                        name = Inputs.name(base + " (" + n + ")");
                    }
                    renamed.put(base, name);
                }
                takenInArchive.add(Inputs.nameKey(name));
                long id = insertSpeaker(c, name, b.created().toEpochMilli(), b.notes(), b.photo());
                for (SpeakerBundle.Take t : b.enrollments()) {
                    long eid = insertEnrollment(c, id, t.sourceName(), t.seconds(), t.netSpeechSeconds(), t.clippingRatio(),
                            t.snrDb(), t.created().toEpochMilli());
                    for (Map.Entry<String, float[]> m : t.embeddings().entrySet()) {
                        checkDimension(c, m.getKey(), m.getValue().length);
                        insertEmbedding(c, eid, m.getKey(), m.getValue());
                    }
                    enrollments++;
                }
                stored.add(name);
            }
            return new ImportResult(List.copyOf(stored), Map.copyOf(renamed), enrollments);
        });
    }

    /** Test hook: caps the file at its current size, so the next growth fails as a full disk would. */
    void capSizeAtCurrentPages() {
        read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA max_page_count = 1");
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- SQL helpers

    private static final String SPEAKER_SELECT = """
            SELECT s.id, s.name, s.created_ms, s.notes, s.photo IS NOT NULL,
                   (SELECT count(*) FROM enrollment e WHERE e.speaker_id = s.id) FROM speaker s""";

    private static Speaker speaker(ResultSet rs) throws SQLException {
        return new Speaker(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                rs.getBoolean(5), rs.getInt(6));
    }

    private static Speaker speakerById(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SPEAKER_SELECT + " WHERE s.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return speaker(rs);
            }
        }
    }

    private static Long speakerId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM speaker WHERE name_key = ?")) {
            ps.setString(1, Inputs.nameKey(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static String nameOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM speaker WHERE name_key = ?")) {
            ps.setString(1, Inputs.nameKey(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long requireSpeaker(Connection c, String name) throws SQLException {
        Long id = speakerId(c, name);
        if (id == null) {
            throw Inputs.unknownSpeaker(name);
        }
        return id;
    }

    private static long insertSpeaker(Connection c, String name, long createdMs, String notes, byte[] photo)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO speaker (name, name_key, created_ms, notes, photo) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, Inputs.nameKey(name));
            ps.setLong(3, createdMs);
            ps.setString(4, notes);
            ps.setBytes(5, photo);
            ps.executeUpdate();
            return lastId(c);
        }
    }

    private static long insertEnrollment(Connection c, long speakerId, String source, double seconds, double net,
            double clipping, double snr, long createdMs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO enrollment (speaker_id, source_name, seconds, net_speech_seconds, clipping_ratio, snr_db, created_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, speakerId);
            ps.setString(2, source);
            ps.setDouble(3, seconds);
            ps.setDouble(4, net);
            ps.setDouble(5, clipping);
            setDouble(ps, 6, snr);
            ps.setLong(7, createdMs);
            ps.executeUpdate();
            return lastId(c);
        }
    }

    private static void insertEmbedding(Connection c, long enrollmentId, String model, float[] vector) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO embedding (enrollment_id, model_sha256, dimension, vector) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, enrollmentId);
            ps.setString(2, model);
            ps.setInt(3, vector.length);
            ps.setBytes(4, Floats.toBytes(vector));
            ps.executeUpdate();
        }
    }

    private static void updatePhoto(Connection c, long id, byte[] photo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE speaker SET photo = ? WHERE id = ?")) {
            ps.setBytes(1, photo);
            ps.setLong(2, id);
            ps.executeUpdate();
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

    private static long lastId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, java.sql.Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static double getDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? Double.NaN : v;
    }

    // ---------------------------------------------------------------- transactions

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private synchronized <T> T write(SqlWork<T> work) {
        return transaction("BEGIN IMMEDIATE", work);
    }

    private synchronized <T> T read(SqlWork<T> work) {
        return transaction("BEGIN", work);
    }

    private <T> T transaction(String begin, SqlWork<T> work) {
        if (closed) {
            throw new StoreException(Kind.CLOSED, "The voiceprint store '" + file + "' is already closed.");
        }
        try {
            return retryingBusy(file, () -> {
                try (Statement s = connection.createStatement()) {
                    s.execute(begin);
                    try {
                        T result = work.run(connection);
                        s.execute("COMMIT");
                        return result;
                    } catch (SQLException | RuntimeException | Error e) {
                        rollbackQuietly();
                        throw e;
                    }
                }
            });
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, file);
        }
    }

    private void rollbackQuietly() {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back (SQLITE_FULL, SQLITE_BUSY on commit): nothing left to undo
            log.debug("Rollback of {} found no transaction", file, e);
        }
    }

    /**
     * Runs {@code work} again while SQLite reports "busy" or "locked": busy_timeout already waits
     * for locks, but a WAL reader that must upgrade, or a file in recovery, is answered at once.
     */
    @FunctionalInterface
    interface SqlAction<T> {
        T run() throws SQLException;
    }

    static <T> T retryingBusy(Path file, SqlAction<T> work) throws SQLException {
        long deadline = System.nanoTime() + RETRY_FOR_MS * 1_000_000L;
        for (int attempt = 1;; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!SqliteErrors.isBusy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                log.debug("{} busy (attempt {}), retrying", file, attempt);
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20 + Math.min(attempt, 10) * 10));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing a connection failed", e);
            }
        }
    }
}
