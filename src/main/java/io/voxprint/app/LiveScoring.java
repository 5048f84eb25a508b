package io.voxprint.app;

import io.voxprint.audio.PreparedAudio;
import io.voxprint.model.ModelInfo;
import io.voxprint.scoring.Candidate;
import io.voxprint.scoring.SpeakerIndex;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provisional scores while a take is still being recorded. Each call embeds the last
 * {@link #WINDOW_SECONDS} of the speech so far straight through the model (never through the
 * embedding cache, never into the audit log) and scores it like identification does: raw cosines
 * against the enrolled speakers' models and the raw threshold, so with AS-norm on, the provisional
 * score is on the raw scale and the exact, normalised one comes with the final decision. The window
 * keeps every call about as long as a 3 s take's, however long the recording gets.
 */
public final class LiveScoring {
    /** How much of the end of the recording a provisional score looks at. */
    public static final double WINDOW_SECONDS = 3.0;
    /** Less sound than this gives no provisional score yet. */
    public static final double MIN_SECONDS = 1.0;

    /** A provisional verification score on the last {@code seconds} of the recording. */
    public record Provisional(String speaker, double score, double threshold, double seconds) {
        public boolean atOrAboveThreshold() {
            return score >= threshold;
        }
    }

    /** Provisional candidates, best first, on the last {@code seconds} of the recording. */
    public record ProvisionalRanking(List<Candidate> ranked, double threshold, double seconds) {
        public ProvisionalRanking {
            ranked = List.copyOf(ranked);
        }
    }

    private final Voxprint voxprint;

    public LiveScoring(Voxprint voxprint) {
        this.voxprint = voxprint;
    }

    /** The claimed speaker's provisional score; empty while there is too little speech or no such speaker for this model. */
    public Optional<Provisional> verify(String speaker, float[] mono, int sampleRate) {
        Optional<Tail> tail = embedTail(mono, sampleRate);
        if (tail.isEmpty()) {
            return Optional.empty();
        }
        SpeakerIndex index = speakerIndex(tail.get().info());
        if (!index.contains(speaker)) {
            return Optional.empty();
        }
        return Optional.of(new Provisional(speaker, index.score(speaker, tail.get().embedding()),
                voxprint.rawThreshold(tail.get().info().sha256()), tail.get().seconds()));
    }

    /** The provisional {@code topK} candidates; empty while there is too little speech or nobody enrolled. */
    public Optional<ProvisionalRanking> rank(float[] mono, int sampleRate, int topK) {
        Optional<Tail> tail = embedTail(mono, sampleRate);
        if (tail.isEmpty()) {
            return Optional.empty();
        }
        SpeakerIndex index = speakerIndex(tail.get().info());
        if (index.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(new ProvisionalRanking(index.topK(tail.get().embedding(), Math.max(1, topK)),
                voxprint.rawThreshold(tail.get().info().sha256()), tail.get().seconds()));
    }

    private record Tail(float[] embedding, double seconds, ModelInfo info) {
    }

    private Optional<Tail> embedTail(float[] mono, int sampleRate) {
        int keep = (int) Math.min(mono.length, Math.round(WINDOW_SECONDS * sampleRate));
        if (keep < MIN_SECONDS * sampleRate) {
            return Optional.empty();
        }
        PreparedAudio tail = voxprint.fromSamples("live", Arrays.copyOfRange(mono, mono.length - keep, mono.length), sampleRate);
        if (voxprint.quality(tail).netSpeechSeconds() <= 0) {
            return Optional.empty();
        }
        ModelInfo info = voxprint.modelInfo();
        return Optional.of(new Tail(voxprint.models().model().embed(tail.samples()), tail.seconds(), info));
    }

    private SpeakerIndex speakerIndex(ModelInfo info) {
        Map<String, float[]> models = voxprint.speakerModels();
        SpeakerIndex index = new SpeakerIndex(info.embeddingDimension(), models.size());
        models.forEach(index::put);
        return index;
    }
}
