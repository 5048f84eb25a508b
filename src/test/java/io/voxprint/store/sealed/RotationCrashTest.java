package io.voxprint.store.sealed;

import io.voxprint.store.sqlite.SqliteEngine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.crypto.DataKey;
import io.voxprint.crypto.KeyRecord;
import io.voxprint.crypto.Keys;
import io.voxprint.store.ChildJvm;
import io.voxprint.store.Fixtures;
import io.voxprint.store.SpeakerEmbeddings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code keys rotate} killed with SIGKILL at 20 seeded random moments: after each kill the database
 * opens with its passphrase, every template opens, and every sealed value carries the key id of the
 * key record (all old or all new, never a mix).
 */
class RotationCrashTest {

    private static final Logger log = LoggerFactory.getLogger(RotationCrashTest.class);
    private static final int SPEAKERS = 40;
    private static final String PASSPHRASE = "rotate me under kill -9";

    @TempDir
    Path dir;

    @Test
    void killedWhileRotatingLeavesAllOldOrAllNew() throws Exception {
        Path db = dir.resolve("rotate.db");
        try (ProtectedStore store = ProtectedStoreTest.open(SqliteEngine.of(db))) {
            store.protect(Keys.createWithPassphrase(PASSPHRASE.toCharArray(), ProtectedStoreTest.FAST));
            for (int i = 0; i < SPEAKERS; i++) {
                store.enroll("s" + i, Fixtures.takes("s" + i, 2, Fixtures.MODEL_A, 16_000), true, Fixtures.png(i));
            }
        }
        Random random = new Random(20261129);
        Set<String> keysSeen = new HashSet<>();
        String previous = checkAllUnderOneKey(db);
        keysSeen.add(previous);
        int aimedAfterACommit = 0;
        for (int run = 0; run < 20; run++) {
            boolean afterACommit = run % 5 == 2;
            try (ChildJvm child = ChildJvm.start(RotateChild.class.getName(), List.of(), List.of(db.toString(), PASSPHRASE), Map.of())) {
                if (run % 5 == 4) {
                    child.waitForQuietly(random.nextInt(1500)); // anywhere from JVM start on, unlocking included
                } else {
                    // some kills come after a rotation was committed (a state, whatever the machine's speed)
                    child.await(afterACommit ? "ROTATED" : "READY", 120);
                    child.waitForQuietly(50 + random.nextInt(1500));
                }
                child.kill();
            }
            String now = checkAllUnderOneKey(db);
            if (afterACommit) {
                aimedAfterACommit++;
                assertNotEquals(previous, now, "a committed rotation survives the kill that follows it");
            }
            keysSeen.add(now);
            previous = now;
        }
        log.info("rotation kills: {} distinct keys found after 20 kills", keysSeen.size());
        assertTrue(keysSeen.size() >= 1 + aimedAfterACommit, "distinct keys: " + keysSeen.size());
    }

    /** Opens with the passphrase, checks every template and every sealed value's key id; returns that id. */
    private static String checkAllUnderOneKey(Path db) throws Exception {
        String keyId;
        try (ProtectedStore store = ProtectedStoreTest.openUnlocked(SqliteEngine.of(db), PASSPHRASE.toCharArray())) {
            keyId = store.keyRecord().orElseThrow().keyId();
            List<SpeakerEmbeddings> all = store.embeddings().ofModel(Fixtures.MODEL_A);
            assertEquals(SPEAKERS, all.size());
            for (SpeakerEmbeddings s : all) {
                assertArrayEquals(Fixtures.vector(s.speakerName(), 1, Fixtures.DIM), s.embeddings().get(1));
            }
            assertArrayEquals(Fixtures.audio("s7", 1, 16_000), store.speakers().keptAudio("s7").get(1).samples());
            assertArrayEquals(Fixtures.png(9), store.speakers().photo("s9").orElseThrow());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT value FROM property WHERE name = 'key-record'")) {
                rs.next();
                assertEquals(keyId, KeyRecord.decode(rs.getBytes(1)).keyId());
            }
            for (String query : List.of("SELECT vector FROM embedding", "SELECT samples FROM kept_audio",
                    "SELECT photo FROM speaker WHERE photo IS NOT NULL")) {
                int n = 0;
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        byte[] v = rs.getBytes(1);
                        assertTrue(DataKey.isSealed(v), query);
                        assertEquals(keyId, DataKey.keyIdOf(v), "a value under another key than the record's: " + query);
                        n++;
                    }
                }
                assertTrue(n >= SPEAKERS, query + " found " + n);
            }
        }
        return keyId;
    }
}
