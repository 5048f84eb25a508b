package io.voxprint.app.enroll;

import io.voxprint.app.core.AudioInput;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.Embedder;
import io.voxprint.app.core.FilePipeline;
import io.voxprint.app.core.LiveOptions;
import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.Progress;
import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.audio.QualityReport;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.Speaker;
import io.voxprint.store.VoiceprintStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Enrolls a speaker from one or more takes: quality gate, embeddings, one transaction. The next takes
 * decode and pass the gate while the model embeds the current one ({@link FilePipeline}); the first
 * take that fails, in the order given, stops the enrollment with its sentence and nothing is written.
 */
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
        return enroll(name, takes, force, photo, Progress.NONE);
    }

    /** As {@link #enroll(String, List, boolean, byte[])}, reporting each take embedded. */
    public EnrollResult enroll(String name, List<AudioSource> takes, boolean force, byte[] photo, Progress progress) {
        if (takes.isEmpty()) {
            throw new VoxprintException("Give at least one recording to enroll '" + name + "'.");
        }
        boolean keepAudio = options.get().keepAudio();
        var outcomes = FilePipeline.run(takes, take -> stopping(() -> gate(take, force)),
                gated -> stopping(() -> row(gated, keepAudio)), progress);
        List<NewEnrollment> rows = new ArrayList<>(outcomes.size());
        List<EnrollResult.Take> report = new ArrayList<>(outcomes.size());
        for (var outcome : outcomes) {
            Gated gated = outcome.get().gated();
            rows.add(outcome.get().row());
            report.add(new EnrollResult.Take(gated.audio().source(), gated.quality()));
        }
        Speaker speaker = store.enroll(name, rows, true, photo);
        catalog.refresh(speaker.name());
        return new EnrollResult(speaker.name(), speaker.enrollmentCount(), report);
    }

    /** A decoded take that passed the quality gate. */
    private record Gated(PreparedAudio audio, QualityReport quality) {
    }

    private record Embedded(Gated gated, NewEnrollment row) {
    }

    private Gated gate(AudioSource take, boolean force) {
        PreparedAudio decoded = audio.decode(take);
        QualityReport q = audio.requireSpeech(decoded);
        if (!q.usable() && !force) {
            throw new VoxprintException("The recording '" + decoded.source() + "' is not good enough to enroll ("
                    + String.join("; ", q.problems()) + "); record again, or force it.");
        }
        return new Gated(decoded, q);
    }

    private Embedded row(Gated take, boolean keepAudio) {
        PreparedAudio a = take.audio();
        QualityReport q = take.quality();
        float[] embedding = embedder.embed(a);
        return new Embedded(take, new NewEnrollment(a.source(), a.seconds(), q.netSpeechSeconds(), q.clippingRatio(),
                q.snrDb(), embedding, models.modelSha256(), keepAudio ? a.samples() : null));
    }

    /** All or nothing: any take's failure ends the enrollment (no later take is embedded for nothing). */
    private static <T> T stopping(Supplier<T> step) {
        try {
            return step.get();
        } catch (FilePipeline.Stop e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FilePipeline.Stop(e);
        }
    }
}
