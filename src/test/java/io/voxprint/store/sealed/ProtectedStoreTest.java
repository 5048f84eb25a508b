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
import io.voxprint.store.Fixtures;
import io.voxprint.store.KeptAudio;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.StoreEngine;
import io.voxprint.store.StoreEngine.TestDatabase;
import io.voxprint.store.StoreEngines.EngineTest;
import io.voxprint.store.VoiceprintStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Protection on every engine of {@link io.voxprint.store.StoreEngines}: what a copy of the database
 * shows (a SQLite file, its WAL and a dump; a PostgreSQL server's {@code pg_dump} and every value a
 * SELECT returns), locked reads, wrong passphrases, values moved by SQL, conversion and re-keying.
 */
class ProtectedStoreTest {

    static final Argon2id FAST = new Argon2id(new byte[16], 256, 1, 1);
    static final char[] PASSPHRASE = "three speakers, one key".toCharArray();
    private static final List<String> NAMES = List.of("Alice", "Bob", "Chloé");
    private static final int KEPT = 4_000;

    static ProtectedStore open(TestDatabase db) {
        return ProtectedStore.open(db::open);
    }

    static ProtectedStore openUnlocked(TestDatabase db, char[] passphrase) {
        ProtectedStore store = open(db);
        store.unlockWithPassphrase(passphrase.clone());
        return store;
    }

    private static void enrollThree(VoiceprintStore store) {
        for (int i = 0; i < NAMES.size(); i++) {
            store.enroll(NAMES.get(i), Fixtures.takes(NAMES.get(i), 2, Fixtures.MODEL_A, KEPT), true, Fixtures.png(0x203040 * (i + 1)));
        }
    }

    /** Everything a leak would show, with the store still open (a SQLite WAL not yet checkpointed). */
    private static List<String> leaks(TestDatabase db) {
        List<String> found = new ArrayList<>();
        for (var source : db.exposed().entrySet()) {
            PlaintextFinder finder = new PlaintextFinder(source.getValue());
            for (int i = 0; i < NAMES.size(); i++) {
                String n = NAMES.get(i);
                for (int t = 0; t < 2; t++) {
                    found.addAll(prefixed(source.getKey(), finder.findFloats(n + " embedding " + t, Fixtures.vector(n, t, Fixtures.DIM))));
                    found.addAll(prefixed(source.getKey(), finder.findFloats(n + " audio " + t, Fixtures.audio(n, t, KEPT))));
                }
                found.addAll(prefixed(source.getKey(), finder.findBytes(n + " photo", Fixtures.png(0x203040 * (i + 1)))));
            }
        }
        return found;
    }

    private static List<String> prefixed(Object where, List<String> found) {
        return found.stream().map(f -> where + ": " + f).toList();
    }

    @EngineTest
    void noTemplateInTheFileItsWalOrADumpAndTheSameValuesBack(StoreEngine engine) {
        TestDatabase plainDb = engine.newDatabase();
        TestDatabase sealedDb = engine.newDatabase();
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

    @EngineTest
    void namesAreListedWithoutTheKeyButTemplatesAreNot(StoreEngine engine) {
        TestDatabase db = engine.newDatabase();
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

    @EngineTest
    void wrongPassphraseAndDamagedKeyRecordChangeNothing(StoreEngine engine) throws Exception {
        TestDatabase db = engine.newDatabase();
        try (ProtectedStore store = open(db)) {
            store.protect(Keys.createWithPassphrase(PASSPHRASE.clone(), FAST));
            enrollThree(store);
        }
        String before = withoutAudit(db.dump());
        try (ProtectedStore store = open(db)) {
            refused(Kind.WRONG_KEY, () -> store.unlockWithPassphrase("three speakers, one kex".toCharArray()));
            assertTrue(store.locked());
            assertTrue(lastAudit(store).source().contains("passphrase is wrong"), lastAudit(store).toString());
        }
        assertEquals(before, withoutAudit(db.dump()));
        try (Connection c = db.connect()) {
            byte[] record;
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM property WHERE name = 'key-record'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                record = rs.getBytes(1);
            }
            String damaged = new String(record, StandardCharsets.UTF_8).replace("protection passphrase", "protection passphrasf");
            try (PreparedStatement ps = c.prepareStatement("UPDATE property SET value = ? WHERE name = 'key-record'")) {
                ps.setBytes(1, damaged.getBytes(StandardCharsets.UTF_8));
                assertEquals(1, ps.executeUpdate());
            }
        }
        String damaged = withoutAudit(db.dump());
        CryptoException e = assertThrows(CryptoException.class, () -> open(db).close());
        assertEquals(Kind.DAMAGED_KEY_RECORD, e.kind(), e.getMessage());
        assertEquals(damaged, withoutAudit(db.dump()));
    }

    @EngineTest
    void valueSwappedBetweenSpeakersOrCopiedFromAnotherDatabaseIsRefusedAndAudited(StoreEngine engine) throws Exception {
        TestDatabase db = engine.newDatabase();
        TestDatabase other = engine.newDatabase();
        for (TestDatabase p : List.of(db, other)) {
            try (ProtectedStore store = open(p)) {
                store.protect(Keys.createWithPassphrase(PASSPHRASE.clone(), FAST));
                enrollThree(store);
            }
        }
        byte[] alices = blob(db, "Alice", 0);
        byte[] bobs = blob(db, "Bob", 0);
        setBlob(db, "Bob", 0, alices); // Alice's template placed under Bob's name
        String before = withoutAudit(db.dump());
        try (ProtectedStore store = openUnlocked(db, PASSPHRASE)) {
            CryptoException e = refused(Kind.MISPLACED_VALUE, () -> store.embeddings().ofModel(Fixtures.MODEL_A));
            assertTrue(e.getMessage().contains("does not belong there"), e.getMessage());
            assertEquals(e.getMessage(), lastAudit(store).source());
            refused(Kind.MISPLACED_VALUE, () -> store.embeddings().ofSpeaker("Bob", Fixtures.MODEL_A));
            assertEquals(2, store.embeddings().ofSpeaker("Alice", Fixtures.MODEL_A).orElseThrow().embeddings().size());
        }
        assertEquals(before, withoutAudit(db.dump()));
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

    @EngineTest
    void convertingRotatingAndChangingThePassphraseKeepEveryValue(StoreEngine engine) throws Exception {
        TestDatabase db = engine.newDatabase();
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
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().equals("SQLite")) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // the pages as a copy of the file alone would hold them
            }
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

    static byte[] blob(TestDatabase db, String speaker, int take) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(BLOB_OF)) {
            ps.setString(1, speaker);
            ps.setInt(2, take);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(2);
            }
        }
    }

    /** What an administrator with SQL rights can do: put another row's stored value in this one. */
    static void setBlob(TestDatabase db, String speaker, int take, byte[] value) throws Exception {
        try (Connection c = db.connect()) {
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
