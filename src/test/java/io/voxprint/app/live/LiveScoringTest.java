package io.voxprint.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.scoring.Candidate;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.testing.PythonReference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisional scores on the real fixture model against Python's embeddings of the last 3 s of each
 * probe (tools/fixtures/make_live_reference.py), and proof that they leave no trace in the store.
 */
class LiveScoringTest {
    private static final List<String> SPEAKERS = List.of("alice", "bob", "carol");
    @TempDir
    Path dir;
    private AppContext app;
    private LiveScoring live;
    private final PythonReference python = new PythonReference();
    private final JsonNode tails = new ObjectMapper().readTree(PythonReference.E2E.resolve("live-tail-embeddings.json").toFile());

    LiveScoringTest() throws Exception {
    }

    @BeforeEach
    void enrollThreeSpeakers() {
        app = AppContext.open(AppConfig.fromEnvironment(Map.of("HOME", dir.toString()), dir.resolve("v.db"),
                PythonReference.FIXTURE_MODEL, null, null, true), ScoringOptions.defaults().withThreshold(0.5));
        for (String who : SPEAKERS) {
            app.enroll().enroll(who, Stream.of(1, 2, 3).map(k -> source(who + "-" + k + ".wav")).toList(), false, null);
        }
        live = app.live();
    }

    @AfterEach
    void close() {
        app.close();
    }

    private static AudioSource source(String name) {
        return AudioSource.file(PythonReference.E2E.resolve(name));
    }

    private PreparedAudio load(String name) {
        return app.inspect().decode(source(name));
    }

    private double[] pythonTail(String probe) {
        JsonNode a = tails.get("tailEmbeddings").get(probe);
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private double pythonTailScore(String probe, String who) {
        return PythonReference.cosine(pythonTail(probe), python.voiceprint(who + "-1.wav", who + "-2.wav", who + "-3.wav"));
    }

    @Test
    void provisionalVerificationScoresTheLastThreeSecondsAsPythonDoes() {
        assertEquals(LiveScoring.WINDOW_SECONDS, tails.get("windowSeconds").asDouble());
        float[] probe = load("bob-4.wav").samples();
        for (String who : SPEAKERS) {
            LiveScoring.Provisional p = live.verify(who, probe, 16_000).orElseThrow();
            assertEquals(pythonTailScore("bob-4.wav", who), p.score(), 1e-3, who);
            assertEquals(0.5, p.threshold());
            assertEquals(3.0, p.seconds(), 1e-9);
        }
        assertTrue(live.verify("nobody", probe, 16_000).isEmpty(), "no such speaker: no provisional score");
        assertTrue(live.verify("bob", Arrays.copyOf(probe, 12_000), 16_000).isEmpty(), "under a second: too early");
        assertTrue(live.verify("bob", new float[48_000], 16_000).isEmpty(), "silence: nothing to score");
    }

    @Test
    void provisionalRankingFollowsPythonAndNothingIsWrittenToTheStore() throws Exception {
        int auditBefore = app.audit().latest(100).size();
        for (String probe : List.of("alice-4.wav", "bob-4.wav", "carol-4.wav")) {
            LiveScoring.ProvisionalRanking r = live.rank(load(probe).samples(), 16_000, 5).orElseThrow();
            List<String> expected = SPEAKERS.stream()
                    .sorted(Comparator.comparingDouble((String w) -> pythonTailScore(probe, w)).reversed()).toList();
            assertEquals(expected, r.ranked().stream().map(Candidate::key).toList(), probe);
            for (Candidate c : r.ranked()) {
                assertEquals(pythonTailScore(probe, c.key()), c.score(), 1e-3, probe + " vs " + c.key());
            }
        }
        assertEquals(auditBefore, app.audit().latest(100).size(), "provisional scores are never audited");
        try (var store = SqliteStore.open(dir.resolve("v.db"))) {
            PreparedAudio bob4 = load("bob-4.wav");
            float[] tail = Arrays.copyOfRange(bob4.samples(), bob4.samples().length - 48_000, bob4.samples().length);
            String modelSha = app.models().info().sha256();
            assertTrue(store.embeddingCache().get(app.inspect().decode(AudioSource.samples("live", tail, 16_000)).samplesSha256(), modelSha).isEmpty(),
                    "provisional windows stay out of the embedding cache");
        }
    }
}
