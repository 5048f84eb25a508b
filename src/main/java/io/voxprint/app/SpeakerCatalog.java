package io.voxprint.app;

import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.scoring.Vectors;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.VoiceprintStore;

/**
 * The enrolled speakers of the current model as one in-memory {@link SpeakerIndex}, built from the
 * store on first use and kept in step with every change made through the app, so 1:N search never
 * reads the database.
 */
public final class SpeakerCatalog {
    private final VoiceprintStore store;
    private SpeakerIndex index;
    private String indexedModel;

    public SpeakerCatalog(VoiceprintStore store) {
        this.store = store;
    }

    public synchronized SpeakerIndex index(String modelSha256, int dimension) {
        if (index == null || !modelSha256.equals(indexedModel)) {
            SpeakerIndex fresh = new SpeakerIndex(dimension);
            for (SpeakerEmbeddings s : store.embeddings().ofModel(modelSha256)) {
                if (!s.embeddings().isEmpty()) {
                    fresh.put(s.speakerName(), Vectors.speakerModel(s.embeddings()));
                }
            }
            index = fresh;
            indexedModel = modelSha256;
        }
        return index;
    }

    /** Re-reads one speaker after an enrollment (or drops it when it has no embedding of this model). */
    public synchronized void refresh(String speakerName) {
        if (index == null) {
            return;
        }
        index.remove(speakerName);
        store.embeddings().ofSpeaker(speakerName, indexedModel).filter(s -> !s.embeddings().isEmpty())
                .ifPresent(s -> index.put(s.speakerName(), Vectors.speakerModel(s.embeddings())));
    }

    public synchronized void remove(String speakerName) {
        if (index != null) {
            index.remove(speakerName);
        }
    }

    /** Forgets everything; the next search rebuilds from the store (after an import or rename). */
    public synchronized void invalidate() {
        index = null;
        indexedModel = null;
    }
}
