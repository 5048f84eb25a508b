package io.voxprint.app.core;

import io.voxprint.audio.PreparedAudio;
import io.voxprint.audio.QualityReport;
import io.voxprint.model.ModelInfo;
import io.voxprint.scoring.SpeakerIndex;

/**
 * The first steps of every decision about a recording (verify, identify, and later who-spoke-when):
 * decode it, refuse it without speech, and find the enrolled speakers of the model in use.
 */
public final class Probes {
    private final ModelService models;
    private final Embedder embedder;
    private final SpeakerCatalog catalog;
    private final AudioInput audio;

    public Probes(ModelService models, Embedder embedder, SpeakerCatalog catalog, AudioInput audio) {
        this.models = models;
        this.embedder = embedder;
        this.catalog = catalog;
        this.audio = audio;
    }

    /** A decoded recording with speech, its quality, the model in use and its enrolled speakers. */
    public record Probe(PreparedAudio audio, QualityReport quality, ModelInfo model, SpeakerIndex speakers) {
    }

    public PreparedAudio decode(AudioSource recording) {
        return audio.decode(recording);
    }

    /** Loads the model if needed; fails with one sentence when the recording holds no speech. */
    public Probe open(PreparedAudio decoded) {
        // the quality check first: it overlaps a model load still under way, and a silent take never waits for it
        QualityReport q = audio.requireSpeech(decoded);
        ModelInfo info = models.info();
        return new Probe(decoded, q, info, catalog.index(info.sha256(), info.embeddingDimension()));
    }

    public float[] embed(Probe probe) {
        return embedder.embed(probe.audio());
    }
}
