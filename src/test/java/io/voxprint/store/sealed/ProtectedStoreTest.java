package io.voxprint.store.sealed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.crypto.Argon2id;
import io.voxprint.crypto.CryptoException;
import io.voxprint.crypto.CryptoException.Kind;
import io.voxprint.crypto.Keys;
import io.voxprint.crypto.Protection;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.DbDump;
import io.voxprint.store.Fixtures;
import io.voxprint.store.KeptAudio;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sqlite.SqliteOptions;
import io.voxprint.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtectedStoreTest {

    static final Argon2id FAST = new Argon2id(new byte[16], 256, 1, 1);
    static final char[] PASSPHRASE = "three speakers, one key".toCharArray();
    private static final List<String> NAMES = List.of("Alice", "Bob", "Chloé");
    private static final int KEPT = 4_000;

    @TempDir
    Path dir;

    static ProtectedStore open(Path file) {
        return ProtectedStore.open(codec -> SqliteStore.open(file, SqliteOptions.defaults().withCodec(codec)));
    }

    static ProtectedStore openUnlocked(Path file, char[] passphrase) {
        ProtectedStore store = open(file);
        store.unlockWithPassphrase(passphrase.clone());
        return store;
    }

    private static void enrollThree(VoiceprintStore store) {
        for (int i = 0; i < NAMES.size(); i++) {
            store.enroll(NAMES.get(i), Fixtures.takes(NAMES.get(i), 2, Fixtures.MODEL_A, KEPT), true, Fixtures.png(0x203040 * (i + 1)));
        }
    }

    /** Everything a leak would show, with the file still open (WAL not yet checkpointed). */
    private List<String> leaks(Path db) throws Exception {
        List<String> found = new ArrayList<>();
        Path wal = Path.of(db + "-wal");
        for (var source : List.of(
                new Object[] {"file", Files.readAllBytes(db)},
                new Object[] {"wal", Files.exists(wal) ? Files.readAllBytes(wal) : new byte[0]},
                new Object[] {"dump", SqlDump.bytes(db)})) {
            PlaintextFinder finder = new PlaintextFinder((byte[]) source[1]);
            for (int i = 0; i < NAMES.size(); i++) {
                String n = NAMES.get(i);
                for (int t = 0; t < 2; t++) {
                    found.addAll(prefixed(source[0], finder.findFloats(n + " embedding " + t, Fixtures.vector(n, t, Fixtures.DIM))));
                    found.addAll(prefixed(source[0], finder.findFloats(n + " audio " + t, Fixtures.audio(n, t, KEPT))));
                }
                found.addAll(prefixed(source[0], finder.findBytes(n + " photo", Fixtures.png(0x203040 * (i + 1)))));
            }
        }
        return found;
    }

    private static List<String> prefixed(Object where, List<String> found) {
        return found.stream().map(f -> where + ": " + f).toList();
    }

    @Test
    void noTemplateInTheFileItsWalOrADumpAndTheSameValuesBack() throws Exception {
        Path plainDb = dir.resolve("plain.db");
        Path sealedDb = dir.resolve("sealed.db");
        try (ProtectedStore plain = open(plainDb); ProtectedStore sealed = open(sealedDb)) {
            plain.chooseNoProtection();
            sealed.protect(Keys.createWithPassphrase(PASSPHRASE.clone(), FAST));
            enrollThree(plain);
            enrollThree(sealed);
            // the finder finds what is there: every embedding, recording and photo of the plain database
            assertTrue(leaks(plainDb).size() >= 15, "the finder must see the plain templates: " + leaks(plainDb));
            assertEquals(List.of(), leaks(sealedDb));
        }
        try (ProtectedStore sealed = openUnlocked(sealedDb, PASSPHRASE); ProtectedStore plain = open(plainDb)) {
            assertEquals(List.of(), leaks(sealedDb));
            List<SpeakerEmbeddings> a = plain.embeddings().ofModel(Fixtures.MODEL_A);
            List<SpeakerEmbeddings> b = sealed.embeddings().ofModel(Fixtures.MODEL_A);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).speakerName(), b.get(i).speakerName());
                for (int t = 0; t < 2; t++) {
                    assertArrayEquals(Fixtures.vector(a.get(i).speakerName(), t, Fixtures.DIM), b.get(i).embeddings().get(t));
                    assertArrayEquals(a.get(i).embeddings().get(t), b.get(i).embeddings().get(t));
                }
            }
            for (int i = 0; i < NAMES.size(); i++) {
                assertArrayEquals(Fixtures.png(0x203040 * (i + 1)), sealed.speakers().photo(NAMES.get(i)).orElseThrow());
                List<KeptAudio> kept = sealed.speakers().keptAudio(NAMES.get(i));
                assertArrayEquals(Fixtures.audio(NAMES.get(i), 1, KEPT), kept.get(1).samples());
            }
        }
    }

    @Test
    void namesAreListedWithoutTheKeyButTemplatesAreNot() {
        Path db = dir.resolve("locked.db");
        try (ProtectedStore store = open(db)) {
            store.protect(Keys.createWithPassphrase(PASSPHRASE.clone(), FAST));
            enrollThree(store);
        }
        try (ProtectedStore store = open(db)) {
            assertTrue(store.locked());
            assertEquals(Protection.PASSPHRASE, store.protection().orElseThrow());
            assertEquals(3, store.speakers().list().size());
            refused(Kind.LOCKED, () -> store.embeddings().ofModel(Fixtures.MODEL_A));
            refused(Kind.LOCKED, () -> store.enroll("Dan", Fixtures.takes("Dan", 1, Fixtures.MODEL_A, 0), true, null));
            assertEquals(3, store.speakers().list().size(), "nothing was written");
        }
    }

    @Test
    void wrongPassphraseAndDamagedKeyRecordChangeNothing() throws Exception {
        Path db = dir.resolve("wrong.db");
        try (ProtectedStore store = open(db)) {
            store.protect(Keys.createWithPassphrase(PASSPHRASE.clone(), FAST));
            enrollThree(store);
        }
        String before = withoutAudit(DbDump.of(db));
        try (ProtectedStore store = open(db)) {
            refused(Kind.WRONG_KEY, () -> store.unlockWithPassphrase("three speakers, one kex".toCharArray()));
            assertTrue(store.locked());
            assertTrue(lastAudit(store).source().contains("passphrase is wrong"), lastAudit(store).toString());
        }
        assertEquals(before, withoutAudit(DbDump.of(db)));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE property SET value = CAST(replace(CAST(value AS TEXT), 'protection passphrase', "
                    + "'protection passphrasf') AS BLOB) WHERE name = 'key-record'");
        }
        String damaged = withoutAudit(DbDump.of(db));
        CryptoException e = assertThrows(CryptoException.class, () -> open(db).close());
        assertEquals(Kind.DAMAGED_KEY_RECORD, e.kind(), e.getMessage());
        assertEquals(damaged, withoutAudit(DbDump.of(db)));
    }

    @Test
    void valueSwappedBetweenSpeakersOrCopiedFromAnotherDatabaseIsRefusedAndAudited() throws Exception {
        Path db = dir.resolve("swap.db");
        Path other = dir.resolve("other.db");
        for (Path p : List.of(db, other)) {
            try (ProtectedStore store = open(p)) {
                store.protect(Keys.createWithPassphrase(PASSPHRASE.clone(), FAST));
                enrollThree(store);
            }
        }
        byte[] alices = blob(db, "Alice", 0);
        byte[] bobs = blob(db, "Bob", 0);
        setBlob(db, "Bob", 0, alices); // Alice's template placed under Bob's name
        String before = withoutAudit(DbDump.of(db));
        try (ProtectedStore store = openUnlocked(db, PASSPHRASE)) {
            CryptoException e = refused(Kind.MISPLACED_VALUE, () -> store.embeddings().ofModel(Fixtures.MODEL_A));
            assertTrue(e.getMessage().contains("does not belong there"), e.getMessage());
            assertEquals(e.getMessage(), lastAudit(store).source());
            refused(Kind.MISPLACED_VALUE, () -> store.embeddings().ofSpeaker("Bob", Fixtures.MODEL_A));
            assertEquals(2, store.embeddings().ofSpeaker("Alice", Fixtures.MODEL_A).orElseThrow().embeddings().size());
        }
        assertEquals(before, withoutAudit(DbDump.of(db)));
        setBlob(db, "Bob", 0, blob(other, "Bob", 0)); // the same speaker's row from another database
        try (ProtectedStore store = openUnlocked(db, PASSPHRASE)) {
            CryptoException e = refused(Kind.MISPLACED_VALUE, () -> store.embeddings().ofModel(Fixtures.MODEL_A));
            assertTrue(e.getMessage().contains("another database"), e.getMessage());
            assertEquals(e.getMessage(), lastAudit(store).source());
        }
        setBlob(db, "Bob", 0, bobs);
        try (ProtectedStore store = openUnlocked(db, PASSPHRASE)) {
            assertEquals(3, store.embeddings().ofModel(Fixtures.MODEL_A).size(), "back in place, it opens again");
        }
    }

    @Test
    void convertingRotatingAndChangingThePassphraseKeepEveryValue() throws Exception {
        Path db = dir.resolve("convert.db");
        try (ProtectedStore store = open(db)) {
            enrollThree(store); // a database from before encryption: no key record
            store.embeddingCache().put("c".repeat(64), Fixtures.MODEL_A, Fixtures.vector("cache", 0, Fixtures.DIM));
            assertTrue(store.protection().isEmpty());
            store.protect(Keys.createWithPassphrase(PASSPHRASE.clone(), FAST));
            String firstKey = store.keyRecord().orElseThrow().keyId();
            store.rotate();
            assertFalse(firstKey.equals(store.keyRecord().orElseThrow().keyId()));
            store.changePassphrase("a second passphrase".toCharArray(), FAST);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        assertEquals(List.of(), leaks(db));
        try (ProtectedStore store = open(db)) {
            refused(Kind.WRONG_KEY, () -> store.unlockWithPassphrase(PASSPHRASE.clone()));
            store.unlockWithPassphrase("a second passphrase".toCharArray());
            for (String n : NAMES) {
                SpeakerEmbeddings e = store.embeddings().ofSpeaker(n, Fixtures.MODEL_A).orElseThrow();
                assertArrayEquals(Fixtures.vector(n, 0, Fixtures.DIM), e.embeddings().get(0));
                assertArrayEquals(Fixtures.audio(n, 0, KEPT), store.speakers().keptAudio(n).get(0).samples());
            }
            assertTrue(store.embeddingCache().get("c".repeat(64), Fixtures.MODEL_A).isEmpty(), "the cache was emptied");
        }
    }

    static CryptoException refused(Kind kind, org.junit.jupiter.api.function.Executable action) {
        CryptoException e = assertThrows(CryptoException.class, action);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().endsWith(".") && !e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    private static AuditEntry lastAudit(VoiceprintStore store) {
        return store.audit().latest(1).get(0);
    }

    private static String withoutAudit(String dump) {
        return dump.substring(0, dump.indexOf("== audit")) + dump.substring(dump.indexOf("== embedding"));
    }

    private static final String BLOB_OF = """
            SELECT m.enrollment_id, m.vector FROM embedding m JOIN enrollment e ON e.id = m.enrollment_id
            JOIN speaker s ON s.id = e.speaker_id WHERE s.name = ? ORDER BY e.id LIMIT 1 OFFSET ?""";

    static byte[] blob(Path db, String speaker, int take) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); PreparedStatement ps = c.prepareStatement(BLOB_OF)) {
            ps.setString(1, speaker);
            ps.setInt(2, take);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(2);
            }
        }
    }

    static void setBlob(Path db, String speaker, int take, byte[] value) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            long enrollment;
            try (PreparedStatement ps = c.prepareStatement(BLOB_OF)) {
                ps.setString(1, speaker);
                ps.setInt(2, take);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    enrollment = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE embedding SET vector = ? WHERE enrollment_id = ?")) {
                ps.setBytes(1, value);
                ps.setLong(2, enrollment);
                assertEquals(1, ps.executeUpdate());
            }
        }
    }
}
