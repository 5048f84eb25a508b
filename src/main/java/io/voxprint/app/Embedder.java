package io.voxprint.app;

import io.voxprint.audio.PreparedAudio;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.scoring.Vectors;
import io.voxprint.store.VoiceprintStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Audio to embedding, through the cache keyed by (audio content, model): the same recording is never
 * embedded twice by the same model, which makes batch evaluation and re-runs cheap.
 */
public final class Embedder {
    private final ModelService models;
    private final VoiceprintStore store;

    public Embedder(ModelService models, VoiceprintStore store) {
        this.models = models;
        this.store = store;
    }

    public float[] embed(PreparedAudio audio) {
        Ecapa2Model model = models.model();
        String modelSha = model.info().sha256();
        String audioSha = audio.samplesSha256();
        Optional<float[]> cached = store.embeddingCache().get(audioSha, modelSha);
        if (cached.isPresent()) {
            return cached.get();
        }
        float[] embedding = embedUncached(model, audio.samples());
        store.embeddingCache().put(audioSha, modelSha, embedding);
        return embedding;
    }

    static float[] embedUncached(Ecapa2Model model, float[] samples) {
        List<float[]> pieces = LongAudioPolicy.pieces(samples);
        if (pieces.size() == 1) {
            return model.embed(pieces.get(0));
        }
        List<float[]> embeddings = new ArrayList<>(pieces.size());
        for (float[] piece : pieces) {
            embeddings.add(model.embed(piece));
        }
        return Vectors.speakerModel(embeddings);
    }
}
