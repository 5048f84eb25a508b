package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.diarize.Conversations;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.app.verify.VerifyResult;
import io.voxprint.scoring.Rttm;
import io.voxprint.scoring.SpeakerSegment;
import io.voxprint.testing.FakeSpeaker;
import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.ui.shell.ProtectionQuestions;
import io.voxprint.ui.timeline.TimelineView;
import io.voxprint.ui.values.TimelineSegment;
import io.voxprint.ui.wiring.AppSession;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Timeline view on the real application with the trained LibriSpeech model: a conversation
 * with a voice nobody enrolled is opened, its lanes show the enrolled speakers of the reference and
 * an unknown voice, a segment plays into the fake speaker sample for sample, the unknown voice is
 * enrolled from its segments, and that new speaker is then accepted on another utterance of the voice.
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class TimelineDesktopTest {
    private static final int STEP_LIMIT_SECONDS = 300;
    private static final String UNKNOWN_VOICE = "2609";
    @TempDir
    Path home;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    @RegisterExtension
    final TestDesktop desktop = new TestDesktop(dialogs, STEP_LIMIT_SECONDS);

    @AfterEach
    void closeEverything() {
        FakeSpeaker.remove();
    }

    private Path database() {
        return home.resolve("data").resolve(AppSession.DATABASE_NAME);
    }

    private AppContext app() {
        return AppContext.open(AppConfig.fromEnvironment(Map.of("HOME", home.toString(), "HF_HUB_OFFLINE", "1"),
                database(), Conversations.MODEL, null, null, true), ScoringOptions.defaults());
    }

    private void enrollTheKnownSpeakers() throws Exception {
        try (AppContext app = app()) {
            for (Map.Entry<String, List<Path>> e : Conversations.enrollment().entrySet()) {
                app.enroll().enroll(e.getKey(), e.getValue().stream().map(AudioSource::file).toList(), true, null);
            }
        }
    }

    private void open(FxRobot robot) throws Exception {
        SettingsStore store = new SettingsStore(home.resolve("config").resolve("settings.json"));
        store.save(new Settings(Conversations.MODEL.toString(), "main", null, false, "", false,
                home.resolve("data").toString()));
        dialogs.choiceAnswers.add(ProtectionQuestions.KEEP_UNENCRYPTED); // the database the test enrolled into is plain
        desktop.open(robot, Map.of("HF_HOME", home.resolve("hf").toString(), "HF_HUB_OFFLINE", "1"), store);
    }


    private <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }


    @Test
    void opensAConversationPlaysASegmentAndEnrollsTheUnknownVoice(FxRobot robot) throws Exception {
        Conversations.build();
        Conversations.Conversation conversation = Conversations.all().stream()
                .filter(c -> c.speakers().contains(UNKNOWN_VOICE)).findFirst().orElseThrow();
        List<SpeakerSegment> reference = Rttm.read(conversation.rttm()).get(conversation.name());
        enrollTheKnownSpeakers();
        FakeSpeaker.install();
        open(robot);
        desktop.until("the model loads", () -> !TestDesktop.text(robot, "#status-model").contains("loading"));

        robot.clickOn("#nav-timeline");
        dialogs.fileAnswers.add(conversation.wav());
        robot.clickOn("#timeline-open");
        desktop.until("the conversation is done", () -> TestDesktop.text(robot, "#timeline-status").endsWith("nobody enrolled)."));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        TimelineView view = robot.lookup(n -> n instanceof TimelineView).queryAs(TimelineView.class);
        List<TimelineSegment> shown = onFx(() -> blocks(robot));
        Set<String> laneNames = onFx(() -> robot.lookup(".timeline-lane-name").queryAllAs(Label.class).stream()
                .map(Label::getText).collect(Collectors.toSet()));
        Set<String> enrolledInReference = reference.stream().map(SpeakerSegment::speaker)
                .filter(s -> !s.equals(UNKNOWN_VOICE)).collect(Collectors.toSet());
        assertTrue(laneNames.containsAll(enrolledInReference), "lanes " + laneNames + " show " + enrolledInReference);
        assertTrue(laneNames.contains("unknown 1"), "the voice nobody enrolled has a lane: " + laneNames);

        // The unknown lane that talks longest must be the voice nobody enrolled, by the reference.
        Map<String, Double> unknownSeconds = new HashMap<>();
        shown.stream().filter(s -> !s.known()).forEach(s -> unknownSeconds.merge(s.speaker(), s.duration(), Double::sum));
        String unknownKey = unknownSeconds.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<TimelineSegment> unknownSegments = shown.stream().filter(s -> s.speaker().equals(unknownKey)).toList();
        double overlapWithVoice = unknownSegments.stream().mapToDouble(s -> overlap(s, reference, UNKNOWN_VOICE)).sum();
        double unknownTotal = unknownSeconds.get(unknownKey);
        assertTrue(overlapWithVoice > 0.8 * unknownTotal, unknownKey + " is " + UNKNOWN_VOICE + " for "
                + overlapWithVoice + " of " + unknownTotal + " s");

        TimelineSegment toPlay = unknownSegments.stream().max(Comparator.comparingDouble(TimelineSegment::duration)).orElseThrow();
        robot.clickOn(view.block(toPlay));
        desktop.until("the segment has played", () -> FakeSpeaker.finishedPlays() == 1);
        float[] expected = wavSlice(conversation.wav(), toPlay.start(), toPlay.end());
        float[] played = FakeSpeaker.playedSamples();
        assertEquals(expected.length, played.length, "samples played");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], played[i], 2.0 / 32768, "sample " + i);
        }

        assertEquals(unknownKey.replace('-', ' '), robot.lookup("#timeline-name").queryAs(TextField.class).getText(),
                "playing a segment selects its voice");
        robot.interact(() -> robot.lookup("#timeline-name").queryAs(TextField.class).setText("Speaker " + UNKNOWN_VOICE));
        robot.clickOn("#timeline-enroll");
        desktop.until("the voice is enrolled", () -> TestDesktop.text(robot, "#timeline-status").contains("is enrolled from"));
        assertEquals("Speaker " + UNKNOWN_VOICE, TestDesktop.text(robot, "#timeline-lane-" + unknownKey), "the lane shows the new speaker");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        desktop.close();
        Path otherUtterance = Conversations.notEnrolled().get(UNKNOWN_VOICE).get(0);
        Path someoneElse = Conversations.enrollment().values().iterator().next().get(0);
        try (AppContext app = app()) {
            VerifyResult same = app.verify().verify("Speaker " + UNKNOWN_VOICE, AudioSource.file(otherUtterance));
            VerifyResult other = app.verify().verify("Speaker " + UNKNOWN_VOICE, AudioSource.file(someoneElse));
            assertTrue(same.accepted(), "another utterance of the voice is accepted: score " + same.score()
                    + " threshold " + same.threshold());
            assertFalse(other.accepted(), "somebody else is rejected: score " + other.score());
        }
    }

    private static List<TimelineSegment> blocks(FxRobot robot) {
        List<TimelineSegment> out = new ArrayList<>();
        robot.lookup(".timeline-segment").queryAll().forEach(n -> out.add((TimelineSegment) n.getUserData()));
        out.sort(Comparator.comparingDouble(TimelineSegment::start));
        return out;
    }

    private static double overlap(TimelineSegment s, List<SpeakerSegment> reference, String speaker) {
        double sum = 0;
        for (SpeakerSegment r : reference) {
            if (r.speaker().equals(speaker)) {
                sum += Math.max(0, Math.min(s.end(), r.end()) - Math.max(s.start(), r.start()));
            }
        }
        return sum;
    }

    /** The conversation's own 16 kHz 16-bit samples of [start, end), read by javax.sound. */
    private static float[] wavSlice(Path wav, double start, double end) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new File(wav.toString()))) {
            assertEquals(16_000f, in.getFormat().getSampleRate());
            byte[] pcm = in.readAllBytes();
            int from = (int) Math.round(start * 16_000);
            int to = Math.min(pcm.length / 2, (int) Math.round(end * 16_000));
            float[] out = new float[to - from];
            for (int i = 0; i < out.length; i++) {
                int k = 2 * (from + i);
                out[i] = (short) ((pcm[k] & 0xff) | (pcm[k + 1] << 8)) / 32768f;
            }
            return out;
        }
    }
}
