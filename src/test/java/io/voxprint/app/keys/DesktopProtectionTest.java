package io.voxprint.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.voxprint.app.keys.DesktopProtection.State;
import io.voxprint.crypto.Argon2id;
import io.voxprint.crypto.CryptoException;
import io.voxprint.crypto.Keys;
import io.voxprint.store.Fixtures;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sealed.ProtectedStore;
import io.voxprint.store.sealed.ProtectedStores;
import io.voxprint.testing.StoreQueries;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's start-up on a passphrase-protected SQLite file opens it once: the store it looked
 * at to decide what to ask is the one it unlocks and hands out, also after a wrong passphrase.
 * Opens are counted by the integrity check every SQLite open runs, seen in the store's SQL log.
 */
class DesktopProtectionTest {

    private static final String PASSPHRASE = "open me only once";
    private static final String OPEN_CHECK = "PRAGMA quick_check(1)";

    @TempDir
    Path dir;

    @Test
    void lookingWrongPassphraseAndUnlockingOpenTheDatabaseOnce() {
        Path db = dir.resolve("voxprint.db");
        try (ProtectedStore store = ProtectedStore.open(ProtectedStores.sqlite(db))) {
            store.protect(Keys.createWithPassphrase(PASSPHRASE.toCharArray(), new Argon2id(new byte[16], 256, 1, 1)));
            store.enroll("alice", Fixtures.takes("alice", 2, Fixtures.MODEL_A, 0), true, null);
        }
        try (StoreQueries queries = StoreQueries.record();
             DesktopProtection protection = new DesktopProtection(db, Map.of())) {
            assertEquals(State.PASSPHRASE, protection.state());
            CryptoException wrong = assertThrows(CryptoException.class,
                    () -> protection.openUnlocked("not the passphrase".toCharArray()));
            assertEquals(CryptoException.Kind.WRONG_KEY, wrong.kind());
            try (VoiceprintStore store = protection.openUnlocked(PASSPHRASE.toCharArray())) {
                assertEquals(2, store.embeddings().ofSpeaker("alice", Fixtures.MODEL_A).orElseThrow().embeddings().size());
            }
            assertEquals(1, queries.statements().stream().filter(OPEN_CHECK::equals).count(), "opens of the database");
        }
    }
}
