package io.voxprint.app.speakers;

import io.voxprint.app.core.Embedder;
import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.audio.AudioLoader;
import io.voxprint.store.KeptAudio;
import io.voxprint.store.Speaker;
import io.voxprint.store.VoiceprintStore;
import java.util.List;

/** After a model change: which speakers need new embeddings, and re-embedding their kept audio. */
public final class ReEnroll {
    private final VoiceprintStore store;
    private final ModelService models;
    private final Embedder embedder;
    private final SpeakerCatalog catalog;

    public ReEnroll(VoiceprintStore store, ModelService models, Embedder embedder, SpeakerCatalog catalog) {
        this.store = store;
        this.models = models;
        this.embedder = embedder;
        this.catalog = catalog;
    }

    /** Speakers that have no embedding of the model in use (enrolled with another model). */
    public List<String> speakersNeedingIt() {
        return store.embeddings().speakersWithout(models.modelSha256());
    }

    /**
     * Re-embeds a speaker's kept enrollment audio with the model in use, so a speaker enrolled with
     * another model can be verified again without recording. Returns how many recordings were
     * re-embedded; fails with one sentence when the speaker's audio was not kept.
     */
    public int fromKeptAudio(String name) {
        Speaker speaker = store.speakers().find(name)
                .orElseThrow(() -> new VoxprintException("No speaker named '" + name + "' is enrolled."));
        List<KeptAudio> kept = store.speakers().keptAudio(speaker.name());
        if (kept.isEmpty()) {
            throw new VoxprintException("The audio of '" + speaker.name() + "' was not kept; enroll this speaker"
                    + " again with new recordings.");
        }
        String modelSha = models.modelSha256();
        for (KeptAudio audio : kept) {
            float[] embedding = embedder.embed(AudioLoader.fromSamples(audio.sourceName(), audio.samples(),
                    KeptAudio.SAMPLE_RATE));
            store.embeddings().put(audio.enrollmentId(), modelSha, embedding);
        }
        catalog.refresh(speaker.name());
        return kept.size();
    }
}
