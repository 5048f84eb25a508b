package io.voxprint.app.enroll;

import io.voxprint.app.core.AudioInput;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.Embedder;
import io.voxprint.app.core.LiveOptions;
import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.audio.QualityReport;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.Speaker;
import io.voxprint.store.VoiceprintStore;
import java.util.ArrayList;
import java.util.List;

/** Enrolls a speaker from one or more takes: quality gate, embeddings, one transaction. */
public final class Enroll {
    private final VoiceprintStore store;
    private final ModelService models;
    private final Embedder embedder;
    private final SpeakerCatalog catalog;
    private final AudioInput audio;
    private final LiveOptions options;

    public Enroll(VoiceprintStore store, ModelService models, Embedder embedder, SpeakerCatalog catalog, AudioInput audio,
            LiveOptions options) {
        this.store = store;
        this.models = models;
        this.embedder = embedder;
        this.catalog = catalog;
        this.audio = audio;
        this.options = options;
    }

    /** The quality figures of one take, before deciding to enroll it. */
    public QualityReport assess(AudioSource take) {
        return audio.quality(audio.decode(take));
    }

    /**
     * Enrolls every take for the speaker in one transaction (creating the speaker when new). A take
     * whose quality is below the minimum is refused unless {@code force} is set; nothing is written
     * then.
     */
    public EnrollResult enroll(String name, List<AudioSource> takes, boolean force, byte[] photo) {
        if (takes.isEmpty()) {
            throw new VoxprintException("Give at least one recording to enroll '" + name + "'.");
        }
        List<PreparedAudio> decoded = new ArrayList<>(takes.size());
        for (AudioSource take : takes) {
            decoded.add(audio.decode(take));
        }
        String modelSha = models.modelSha256();
        boolean keepAudio = options.get().keepAudio();
        List<NewEnrollment> rows = new ArrayList<>();
        List<EnrollResult.Take> report = new ArrayList<>();
        for (PreparedAudio take : decoded) {
            QualityReport q = audio.requireSpeech(take);
            if (!q.usable() && !force) {
                throw new VoxprintException("The recording '" + take.source() + "' is not good enough to enroll ("
                        + String.join("; ", q.problems()) + "); record again, or force it.");
            }
            float[] embedding = embedder.embed(take);
            rows.add(new NewEnrollment(take.source(), take.seconds(), q.netSpeechSeconds(), q.clippingRatio(),
                    q.snrDb(), embedding, modelSha, keepAudio ? take.samples() : null));
            report.add(new EnrollResult.Take(take.source(), q));
        }
        Speaker speaker = store.enroll(name, rows, true, photo);
        catalog.refresh(speaker.name());
        return new EnrollResult(speaker.name(), speaker.enrollmentCount(), report);
    }
}
