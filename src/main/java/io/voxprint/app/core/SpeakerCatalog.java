package io.voxprint.app.core;

import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.scoring.Vectors;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.VoiceprintStore;

/**
 * The enrolled speakers of the current model as one in-memory {@link SpeakerIndex}, built from the
 * store on first use and kept in step with every change made through the app, so a 1:N search
 * scans memory, not the database.
 */
public final class SpeakerCatalog {
    private final VoiceprintStore store;
    private SpeakerIndex index;
    private String indexedModel;
    private long version;

    public SpeakerCatalog(VoiceprintStore store) {
        this.store = store;
    }

    public synchronized SpeakerIndex index(String modelSha256, int dimension) {
        if (index == null || !modelSha256.equals(indexedModel)) {
            SpeakerIndex fresh = new SpeakerIndex(dimension);
            for (SpeakerEmbeddings s : store.embeddings().ofModel(modelSha256)) {
                if (!s.embeddings().isEmpty()) {
                    fresh.put(s.speakerName(), Vectors.normalizedMean(s.embeddings()));
                }
            }
            index = fresh;
            indexedModel = modelSha256;
            version++;
        }
        return index;
    }

    /** Re-reads one speaker after an enrollment (or drops it when it has no embedding of this model). */
    public synchronized void refresh(String speakerName) {
        if (index == null) {
            return;
        }
        version++;
        index.remove(speakerName);
        store.embeddings().ofSpeaker(speakerName, indexedModel).filter(s -> !s.embeddings().isEmpty())
                .ifPresent(s -> index.put(s.speakerName(), Vectors.normalizedMean(s.embeddings())));
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

    /** Grows with every change to the index, so what is derived from it (the AS-norm cohort) knows when to rebuild. */
    public synchronized long version() {
        return version;
    }
}
