package io.voxprint.app.inspect;

import io.voxprint.app.core.AudioInput;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.Embedder;
import io.voxprint.app.core.ModelService;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.model.Ecapa2Model;

/** Looks inside one recording: its embedding, and every feature map the model answers. */
public final class Inspect {
    private final ModelService models;
    private final Embedder embedder;
    private final AudioInput audio;

    public Inspect(ModelService models, Embedder embedder, AudioInput audio) {
        this.models = models;
        this.embedder = embedder;
        this.audio = audio;
    }

    /** A decoded recording and its embedding. */
    public record Embedded(PreparedAudio audio, float[] embedding) {
    }

    public Embedded embed(AudioSource source) {
        PreparedAudio decoded = audio.decode(source);
        audio.requireSpeech(decoded);
        return new Embedded(decoded, embedder.embed(decoded));
    }

    /** The embedding of a recording already decoded (batch commands decode the next file meanwhile). */
    public float[] embed(PreparedAudio decoded) {
        audio.requireSpeech(decoded);
        return embedder.embed(decoded);
    }

    public FeatureReport features(AudioSource source) {
        PreparedAudio decoded = audio.decode(source);
        audio.requireSpeech(decoded);
        Ecapa2Model model = models.model();
        return new FeatureReport(decoded, embedder.embed(decoded), model.features(decoded.samples()));
    }

    /** The decoded recording alone (for single feature maps asked of {@link #model()}). */
    public PreparedAudio decode(AudioSource source) {
        return audio.decode(source);
    }

    /** The loaded model, loading it first if needed. */
    public Ecapa2Model model() {
        return models.model();
    }
}
