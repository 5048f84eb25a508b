package io.voxprint.app.core;

import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.scoring.SpeakerIndexLoad;
import io.voxprint.scoring.Vectors;
import io.voxprint.store.PackedEmbeddings;
import io.voxprint.store.SpeakerChanges;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.VoiceprintStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The enrolled speakers of the current model as one in-memory {@link SpeakerIndex}, built from the
 * store on first use and kept in step with every change made through the app, so a 1:N search
 * scans memory, not the database.
 */
public final class SpeakerCatalog {
    private final VoiceprintStore store;
    /** Held by a re-read of one speaker while it reads the database; the index itself is guarded by {@code this}. */
    private final Object reReading = new Object();
    private SpeakerIndex index;
    private String indexedModel;
    private long version;

    /** The latest sentence about a lost database server, or null while it is reachable. */
    private volatile String serverProblem;

    public SpeakerCatalog(VoiceprintStore store) {
        this.store = store;
        // changes made at other desks sharing the database (PostgreSQL); a SQLite file has none
        store.watch(new SpeakerChanges() {
            @Override
            public void speakerChanged(String name, String formerNameOrNull) {
                // no word on the server here: a notice heard before it went may be handed over after;
                // the status clears when the listener is back (everythingMayHaveChanged)
                if (formerNameOrNull != null) {
                    remove(formerNameOrNull);
                }
                try {
                    refresh(name);
                } catch (RuntimeException e) {
                    invalidate(); // could not read the change: rebuild on the next search rather than answer from a stale index
                }
            }

            @Override
            public void everythingMayHaveChanged() {
                serverProblem = null;
                invalidate();
            }

            @Override
            public void serverLost(String sentence) {
                serverProblem = sentence;
            }
        });
    }

    /** A sentence for the user while the shared database cannot be reached (the index keeps what it had); null otherwise. */
    public String serverProblem() {
        return serverProblem;
    }

    /** The normalised voiceprints of a model's enrolled speakers, by name (a copy: the index stays private). */
    public synchronized Map<String, float[]> voiceprints(String modelSha256, int dimension) {
        SpeakerIndex current = index(modelSha256, dimension);
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String key : current.keys()) {
            out.put(key, current.voiceprint(key));
        }
        return out;
    }

    public synchronized SpeakerIndex index(String modelSha256, int dimension) {
        if (index == null || !modelSha256.equals(indexedModel)) {
            IndexLoad load = new IndexLoad(dimension);
            store.embeddings().packedOfModel(modelSha256, load);
            index = load.finish();
            indexedModel = modelSha256;
            version++;
        }
        return index;
    }

    /**
     * Re-reads one speaker after an enrollment (or drops it when it has no embedding of this model).
     * The speaker is read first and then replaced in one step: searches run outside this lock, so a
     * speaker removed while the database is read would be missing from them meanwhile. The read runs
     * outside the index's lock too, so a server that is slow or out of reach holds up only other
     * re-reads (one at a time, so they apply in the order they read), never a search.
     */
    public void refresh(String speakerName) {
        synchronized (reReading) {
            SpeakerIndex readFor;
            String model;
            synchronized (this) {
                if (index == null) {
                    return;
                }
                readFor = index;
                model = indexedModel;
            }
            Optional<SpeakerEmbeddings> now = store.embeddings().ofSpeaker(speakerName, model)
                    .filter(s -> !s.embeddings().isEmpty());
            synchronized (this) {
                if (index != readFor) {
                    // dropped, or rebuilt meanwhile by a read that began after this re-read was asked for,
                    // so it already holds the change this one was asked to bring in
                    return;
                }
                version++;
                if (now.isPresent()) {
                    index.put(now.get().speakerName(), Vectors.normalizedMean(now.get().embeddings()));
                } else {
                    index.remove(speakerName);
                }
            }
        }
    }

    public synchronized void remove(String speakerName) {
        if (index != null) {
            index.remove(speakerName);
            version++;
        }
    }

    /** Forgets everything; the next search rebuilds from the store (after an import or rename). */
    public synchronized void invalidate() {
        index = null;
        indexedModel = null;
        version++;
    }

    /** Builds an index from the speakers as the store reads them, reserving its room once when told how many to expect. */
    private static final class IndexLoad implements PackedEmbeddings {
        private final int dimension;
        private SpeakerIndexLoad load;

        IndexLoad(int dimension) {
            this.dimension = dimension;
        }

        @Override
        public void expect(int speakers) {
            if (load == null) {
                load = new SpeakerIndexLoad(dimension, speakers);
            }
        }

        @Override
        public void speaker(String name, float[] values, int count, int dimension) {
            if (count > 0) {
                expect(16);
                load.add(name, values, count, dimension);
            }
        }

        SpeakerIndex finish() {
            expect(16);
            return load.finish();
        }
    }

    /** Grows with every change to the index, so what is derived from it (the AS-norm cohort) knows when to rebuild. */
    public synchronized long version() {
        return version;
    }
}
