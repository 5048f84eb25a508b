package io.voxprint.app.live;

import io.voxprint.app.core.AudioInput;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.DecisionPolicy;
import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.model.ModelInfo;
import io.voxprint.scoring.Candidate;
import io.voxprint.scoring.SpeakerIndex;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisional scores while a take is still being recorded. Each call embeds the last
 * {@link #WINDOW_SECONDS} of the speech so far straight through the model (never through the
 * embedding cache, never into the audit log) and scores it like identification does: raw cosines
 * against the enrolled speakers' voiceprints and the raw threshold, so with AS-norm on, the
 * provisional score is on the raw scale and the exact, normalised one comes with the final decision.
 * The window keeps every call about as long as a 3 s take's, however long the recording gets, and
 * shorter where the model is too slow for that ({@link ProvisionalWindow}); each result says how many
 * seconds it looked at.
 */
public final class LiveScoring {
    private static final Logger LOG = LoggerFactory.getLogger(LiveScoring.class);
    /** How much of the end of the recording a provisional score looks at. */
    public static final double WINDOW_SECONDS = ProvisionalWindow.MAX_SECONDS;
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

    private final ModelService models;
    private final SpeakerCatalog catalog;
    private final AudioInput audio;
    private final DecisionPolicy policy;
    private final ProvisionalWindow window = new ProvisionalWindow();

    public LiveScoring(ModelService models, SpeakerCatalog catalog, AudioInput audio, DecisionPolicy policy) {
        this.models = models;
        this.catalog = catalog;
        this.audio = audio;
        this.policy = policy;
    }

    /** The claimed speaker's provisional score; empty while there is too little speech or no such speaker for this model. */
    public Optional<Provisional> verify(String speaker, float[] mono, int sampleRate) {
        Optional<Tail> tail = embedTail(mono, sampleRate);
        if (tail.isEmpty()) {
            return Optional.empty();
        }
        SpeakerIndex index = speakers(tail.get().info());
        if (!index.contains(speaker)) {
            return Optional.empty();
        }
        return Optional.of(new Provisional(speaker, index.score(speaker, tail.get().embedding()),
                policy.identificationThreshold(tail.get().info().sha256()), tail.get().seconds()));
    }

    /** The provisional {@code topK} candidates; empty while there is too little speech or nobody enrolled. */
    public Optional<ProvisionalRanking> rank(float[] mono, int sampleRate, int topK) {
        Optional<Tail> tail = embedTail(mono, sampleRate);
        if (tail.isEmpty()) {
            return Optional.empty();
        }
        SpeakerIndex index = speakers(tail.get().info());
        if (index.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(new ProvisionalRanking(index.topK(tail.get().embedding(), Math.max(1, topK)),
                policy.identificationThreshold(tail.get().info().sha256()), tail.get().seconds()));
    }

    private record Tail(float[] embedding, double seconds, ModelInfo info) {
    }

    private Optional<Tail> embedTail(float[] mono, int sampleRate) {
        double seconds = window.secondsOf(mono.length / (double) sampleRate);
        if (seconds < MIN_SECONDS) {
            return Optional.empty();
        }
        int keep = (int) Math.min(mono.length, Math.round(seconds * sampleRate));
        PreparedAudio tail = audio.decode(AudioSource.samples("live",
                Arrays.copyOfRange(mono, mono.length - keep, mono.length), sampleRate));
        if (audio.quality(tail).netSpeechSeconds() <= 0) {
            return Optional.empty();
        }
        ModelInfo info = models.info();
        long start = System.nanoTime();
        float[] embedding = models.model().embed(tail.samples());
        long took = System.nanoTime() - start;
        window.record(tail.seconds(), took);
        LOG.debug("Provisional call on the last {} s: {} ms", tail.seconds(), took / 1_000_000);
        return Optional.of(new Tail(embedding, tail.seconds(), info));
    }

    private SpeakerIndex speakers(ModelInfo info) {
        return catalog.index(info.sha256(), info.embeddingDimension());
    }
}
