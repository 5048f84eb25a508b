package io.voxprint.store.sealed;

import io.voxprint.crypto.UnlockedKey;
import io.voxprint.store.KeptAudio;
import io.voxprint.store.Speaker;
import io.voxprint.store.StoredEmbedding;
import io.voxprint.store.VoiceprintStore;
import java.util.Optional;

/**
 * Converting a plain database or re-keying a protected one: every template read in its present form
 * and written in the new key's, with the new key record, in one transaction of the engine (one
 * speaker at a time, over the engine's own record interfaces), so the database holds all old or all
 * new values, also after a SIGKILL or, on PostgreSQL, a lost connection.
 */
final class Resealing {

    private Resealing() {
    }

    /**
     * Runs the transaction; on success the codec is left sealing with {@code next}, on failure it is
     * set back to {@code previous} (or to plain when converting) and {@code next}'s key is closed.
     *
     * @param previous the key now in use, or null when a plain database is converted
     */
    static void run(VoiceprintStore engine, SealingCodec codec, UnlockedKey previous, UnlockedKey next, String recordName) {
        byte[] encoded = next.record().encode();
        try {
            engine.inTransaction(tx -> {
                // set on every run: the engine may run a conflicting transaction again from the start
                codec.transition(previous == null ? null : previous.dataKey(), next.dataKey(), next.databaseId());
                for (Speaker s : tx.speakers().list()) {
                    resealSpeaker(tx, s.name());
                }
                tx.embeddingCache().clear(); // a cache: cheaper to refill than to re-seal, and no plain copy left behind
                tx.properties().put(recordName, encoded);
                return null;
            });
        } catch (RuntimeException e) {
            if (previous != null) {
                codec.use(previous.dataKey(), previous.databaseId());
            } else {
                codec.usePlain();
            }
            next.dataKey().close();
            throw e;
        }
        codec.use(next.dataKey(), next.databaseId());
    }

    private static void resealSpeaker(VoiceprintStore tx, String name) {
        Optional<byte[]> photo = tx.speakers().photo(name);
        if (photo.isPresent()) {
            tx.speakers().setPhoto(name, photo.get());
        }
        for (StoredEmbedding e : tx.embeddings().allOfSpeaker(name)) {
            tx.embeddings().put(e.enrollmentId(), e.modelSha256(), e.vector());
        }
        for (KeptAudio k : tx.speakers().keptAudio(name)) {
            tx.speakers().keepAudio(k.enrollmentId(), k.samples());
        }
    }
}
