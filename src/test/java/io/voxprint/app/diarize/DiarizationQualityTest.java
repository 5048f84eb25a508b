package io.voxprint.app.diarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.scoring.DiarizationError;
import io.voxprint.scoring.DiarizationScorer;
import io.voxprint.scoring.Rttm;
import io.voxprint.scoring.SpeakerSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who spoke when on the conversations of tools/fixtures/make_conversations.py (real LibriSpeech
 * voices) with the trained LibriSpeech model, enrolled through the app from other utterances, scored
 * with the diarization error rate (collar 0.25 s, overlapped speech scored) against the references
 * made from the clean source turns; the dense variant runs in the same test as the yardstick. The
 * figures are written to target/diarize/figures.md.
 */
class DiarizationQualityTest {
    private static final DiarizationScorer SCORER = new DiarizationScorer(0.25, false);
    @TempDir
    static Path home;
    private static AppContext app;
    private static final Map<String, DiarizationError> engine = new LinkedHashMap<>();
    private static final Map<String, DiarizationError> dense = new LinkedHashMap<>();
    private static final Map<String, Double> engineSeconds = new LinkedHashMap<>();
    private static final Map<String, Double> denseSeconds = new LinkedHashMap<>();
    private static final List<String> rows = new ArrayList<>();

    @BeforeAll
    static void enrollAndDiarizeEveryConversation() throws Exception {
        Conversations.build();
        AppConfig config = AppConfig.fromEnvironment(Map.of("HOME", home.toString(), "HF_HUB_OFFLINE", "1"),
                home.resolve("voxprint.db"), Conversations.MODEL, null, null, true);
        app = AppContext.open(config, ScoringOptions.defaults());
        for (Map.Entry<String, List<Path>> e : Conversations.enrollment().entrySet()) {
            List<AudioSource> takes = new ArrayList<>();
            for (Path p : e.getValue()) {
                takes.add(AudioSource.file(p));
            }
            app.enroll().enroll(e.getKey(), takes, true, null);
        }
        Diarizer diarizer = app.diarize().diarizer(List.of(), DiarizationSettings.defaults());
        DenseBaseline baseline = new DenseBaseline(app.diarize().embedder(), app.diarize().voices(List.of()));
        for (Conversations.Conversation c : Conversations.all()) {
            List<SpeakerSegment> reference = Rttm.read(c.rttm()).get(c.name());
            List<DiarizedSegment> streamed = new ArrayList<>();
            Diarization ours = diarizer.run(c.wav(), new DiarizationListener() {
                @Override
                public void segment(DiarizedSegment s) {
                    streamed.add(s);
                }
            }, () -> false);
            assertEquals(ours.segments(), streamed, "the listener saw every segment, in order, as final");
            Diarization plain = baseline.run(c.name(), app.inspect().decode(AudioSource.file(c.wav())).samples());
            DiarizationError e1 = SCORER.score(reference, segments(ours));
            DiarizationError e2 = SCORER.score(reference, segments(plain));
            String condition = c.condition().replaceAll("-\\d+dB", "");
            engine.merge(condition, e1, DiarizationError::plus);
            dense.merge(condition, e2, DiarizationError::plus);
            engine.merge("all", e1, DiarizationError::plus);
            dense.merge("all", e2, DiarizationError::plus);
            engineSeconds.merge(condition, ours.embeddedSeconds() / ours.seconds(), Double::sum);
            denseSeconds.merge(condition, plain.embeddedSeconds() / plain.seconds(), Double::sum);
            rows.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %.2f %% | %.2f %% | %.2f |", c.name(), c.condition(),
                    c.seconds(), 100 * e1.der(), 100 * e2.der(), ours.embeddedSeconds() / plain.embeddedSeconds()));
        }
        StringBuilder md = new StringBuilder("| conversation | condition | seconds | DER engine | DER dense | audio embedded, engine / dense |\n|---|---|---:|---:|---:|---:|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        md.append("\n| condition | DER engine (missed / false alarm / confusion) | DER dense (missed / false alarm / confusion) |\n|---|---:|---:|\n");
        for (String k : engine.keySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", k, parts(engine.get(k)), parts(dense.get(k))));
        }
        Files.writeString(Conversations.OUT.resolve("figures.md"), md);
        System.out.println(md);
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void cleanConversationsWithEverySpeakerEnrolledAreWithinThreePercent() {
        assertTrue(engine.get("clean").der() <= 0.03, "clean DER " + parts(engine.get("clean")));
    }

    @Test
    void overAllConditionsTheErrorIsAtMostThreeQuartersOfTheDenseVariants() {
        double ours = engine.get("all").der();
        double plain = dense.get("all").der();
        assertTrue(ours <= 0.75 * plain, String.format(Locale.ROOT, "DER %.4f against dense %.4f", ours, plain));
    }

    @Test
    void theVoiceNobodyEnrolledIsLabelledUnknownNotAsAnEnrolledSpeaker() throws Exception {
        Conversations.Conversation c = Conversations.all().stream().filter(x -> x.condition().equals("unknown"))
                .findFirst().orElseThrow();
        Diarization d = app.diarize().diarizer(List.of(), DiarizationSettings.defaults()).run(c.wav(),
                DiarizationListener.NONE, () -> false);
        List<SpeakerSegment> reference = Rttm.read(c.rttm()).get(c.name());
        double unknownTime = 0;
        double unknownAsUnknown = 0;
        for (SpeakerSegment r : reference) {
            if (!r.speaker().equals("2609")) {
                continue;
            }
            unknownTime += r.duration();
            for (DiarizedSegment s : d.segments()) {
                if (!s.known()) {
                    unknownAsUnknown += Math.max(0, Math.min(r.end(), s.end()) - Math.max(r.start(), s.start()));
                }
            }
        }
        assertTrue(unknownAsUnknown >= 0.7 * unknownTime, unknownAsUnknown + " of " + unknownTime + " s labelled unknown");
        assertTrue(d.segments().stream().filter(s -> !s.known()).allMatch(s -> s.speaker().startsWith("unknown-")));
    }

    @Test
    void aCancelledRunStopsWithTheSegmentsSoFar() throws Exception {
        Conversations.Conversation c = Conversations.all().get(0);
        AtomicInteger seen = new AtomicInteger();
        Diarizer diarizer = app.diarize().diarizer(List.of(), DiarizationSettings.defaults());
        assertThrows(CancellationException.class, () -> diarizer.run(c.wav(), new DiarizationListener() {
            @Override
            public void segment(DiarizedSegment s) {
                seen.incrementAndGet();
            }
        }, () -> seen.get() >= 2));
        assertEquals(2, seen.get());
    }

    @Test
    void onlyTheNamedSpeakersAreLookedFor() throws Exception {
        Conversations.Conversation c = Conversations.all().get(0);
        String only = c.speakers().get(0);
        Diarization d = app.diarize().diarizer(List.of(only), DiarizationSettings.defaults()).run(c.wav(),
                DiarizationListener.NONE, () -> false);
        assertTrue(d.segments().stream().filter(DiarizedSegment::known).allMatch(s -> s.speaker().equals(only)));
        assertFalse(d.segments().stream().noneMatch(s -> !s.known()), "the others are unknown voices");
    }

    /** With AS-norm on (the cohort: the other enrolled speakers), the scores change scale but not the answer. */
    @Test
    void withAsNormCleanConversationsAreStillWithinThreePercent() throws Exception {
        AppConfig config = AppConfig.fromEnvironment(Map.of("HOME", home.toString(), "HF_HUB_OFFLINE", "1"),
                home.resolve("voxprint.db"), Conversations.MODEL, null, null, true);
        DiarizationError clean = null;
        try (AppContext normed = AppContext.open(config, ScoringOptions.defaults().withAsNorm(true))) {
            Diarizer diarizer = normed.diarize().diarizer(List.of(), DiarizationSettings.defaults());
            for (Conversations.Conversation c : Conversations.all()) {
                if (!c.condition().equals("clean")) {
                    continue;
                }
                Diarization d = diarizer.run(c.wav(), DiarizationListener.NONE, () -> false);
                for (DiarizedSegment s : d.segments()) {
                    // a cosine is at most 1; an accepted AS-normalised score is in cohort deviations, far above it
                    assertTrue(!s.known() || s.score() > 1.0, "scored on the AS-norm scale: " + s);
                }
                assertTrue(d.segments().stream().anyMatch(DiarizedSegment::known), "enrolled speakers were found");
                DiarizationError e = SCORER.score(Rttm.read(c.rttm()).get(c.name()), segments(d));
                clean = clean == null ? e : clean.plus(e);
            }
        }
        System.out.println("clean, AS-norm: " + parts(clean));
        assertTrue(clean.der() <= 0.03, "clean DER with AS-norm " + parts(clean));
    }

    private static String parts(DiarizationError e) {
        return String.format(Locale.ROOT, "%.2f %% (%.2f / %.2f / %.2f)", 100 * e.der(), 100 * e.missedFraction(),
                100 * e.falseAlarmFraction(), 100 * e.confusionFraction());
    }

    private static List<SpeakerSegment> segments(Diarization d) {
        List<SpeakerSegment> out = new ArrayList<>();
        for (DiarizedSegment s : d.segments()) {
            out.add(new SpeakerSegment(s.start(), s.end(), s.speaker()));
        }
        return out;
    }
}
