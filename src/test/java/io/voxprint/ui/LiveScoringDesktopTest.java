package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.testing.FakeMicrophone;
import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.testing.PythonReference;
import io.voxprint.ui.components.ScoreGauge;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.wiring.AppSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Live scoring on the real application: the fake microphone is held in the middle of a take, the
 * provisional score (Verify) and ranking (Identify) must show up while it records, and after the take
 * ends the decision is the one Python's embeddings give. Only the decisions reach the audit log.
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class LiveScoringDesktopTest {
    private static final int STEP_LIMIT_SECONDS = 180;
    private static final double HOLD_AT_SECONDS = 3.2;
    @TempDir
    Path home;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    @RegisterExtension
    final TestDesktop desktop = new TestDesktop(dialogs, STEP_LIMIT_SECONDS);
    private final PythonReference python = new PythonReference();

    LiveScoringDesktopTest() throws Exception {
    }

    @AfterEach
    void closeEverything() {
        FakeMicrophone.remove();
    }

    private Path database() {
        return home.resolve("data").resolve(AppSession.DATABASE_NAME);
    }

    private void enrollThreeSpeakers() {
        try (AppContext app = AppContext.open(AppConfig.fromEnvironment(Map.of("HOME", home.toString()), database(),
                PythonReference.FIXTURE_MODEL, null, null, true), ScoringOptions.defaults())) {
            for (String who : List.of("alice", "bob", "carol")) {
                app.enroll().enroll(who, Stream.of(1, 2, 3).map(k -> AudioSource.file(PythonReference.E2E.resolve(who + "-" + k + ".wav"))).toList(),
                        false, null);
            }
        }
    }

    private void open(FxRobot robot, double threshold) throws Exception {
        SettingsStore store = new SettingsStore(home.resolve("config").resolve("settings.json"));
        store.save(new Settings(PythonReference.FIXTURE_MODEL.toString(), "main", threshold, false, "", false,
                home.resolve("data").toString()));
        desktop.open(robot, Map.of("HF_HOME", home.resolve("hf").toString(), "HF_HUB_OFFLINE", "1"), store);
    }



    private void recordHeld(FxRobot robot, String wav) {
        FakeMicrophone.installEndingAfter(PythonReference.E2E.resolve(wav), 1.0);
        FakeMicrophone.holdAfter(HOLD_AT_SECONDS);
        robot.clickOn(robot.lookup("#record-button").match(n -> n.getScene() != null && n.isVisible()).<Node>query());
    }

    private boolean recording(FxRobot robot) {
        return "Stop".equals(((javafx.scene.control.Button) robot.lookup("#record-button")
                .match(n -> n.getScene() != null && n.isVisible()).query()).getText());
    }

    @Test
    void provisionalScoresWhileRecordingThenThePythonReferencedDecision(FxRobot robot) throws Exception {
        double aliceTrue = python.score("alice-4.wav", "alice");
        double bobTrue = python.score("bob-4.wav", "bob");
        double carolBest = Stream.of("alice", "bob", "carol").mapToDouble(w -> python.score("carol-4.wav", w)).max().orElseThrow();
        double threshold = Math.round((bobTrue + carolBest) / 2 * 1000) / 1000.0;
        assertTrue(aliceTrue > threshold + 0.003 && bobTrue > threshold + 0.003, "the references are clearly accepted");
        enrollThreeSpeakers();
        open(robot, threshold);
        desktop.until("the model loads", () -> !TestDesktop.text(robot, "#status-model").contains("loading"));

        robot.clickOn("#nav-verify");
        @SuppressWarnings("unchecked")
        ComboBox<SpeakerSummary> speaker = robot.lookup("#verify-speaker").queryAs(ComboBox.class);
        desktop.until("the speaker list is filled", () -> speaker.getItems().size() == 3);
        robot.interact(() -> speaker.getSelectionModel().select(
                speaker.getItems().stream().filter(s -> s.name().equals("alice")).findFirst().orElseThrow()));
        ScoreGauge gauge = robot.lookup("#verify-gauge").queryAs(ScoreGauge.class);
        recordHeld(robot, "alice-4.wav");
        desktop.until("a provisional score shows while recording", () -> TestDesktop.text(robot, "#verify-provisional").startsWith("Provisional score "));
        String provisional = TestDesktop.text(robot, "#verify-provisional");
        assertTrue(recording(robot), "still recording: " + provisional);
        assertTrue(provisional.endsWith("The decision follows when the recording stops."), provisional);
        double shown = Double.parseDouble(provisional.split(" ")[2]);
        assertTrue(shown > -1 && shown <= 1, provisional);
        assertTrue(Double.isNaN(gauge.decision().scoreProperty().get()), "no decision while recording");

        FakeMicrophone.release();
        desktop.until("alice-4 is verified", () -> !Double.isNaN(gauge.decision().scoreProperty().get()));
        assertEquals(aliceTrue, gauge.decision().scoreProperty().get(), 1e-3);
        assertEquals("Accepted: the voice matches this speaker.", gauge.decisionText());
        assertEquals("", TestDesktop.text(robot, "#verify-provisional"), "the decision replaces the provisional score");

        robot.clickOn("#nav-identify");
        recordHeld(robot, "bob-4.wav");
        desktop.until("a provisional ranking shows while recording", () -> TestDesktop.text(robot, "#identify-provisional").startsWith("Provisional ranking "));
        assertTrue(recording(robot), "still recording: " + TestDesktop.text(robot, "#identify-provisional"));
        FakeMicrophone.release();
        desktop.until("bob-4 is identified", () -> TestDesktop.text(robot, "#identify-verdict").startsWith("Most likely"));
        String verdict = TestDesktop.text(robot, "#identify-verdict");
        assertTrue(verdict.startsWith("Most likely bob (score "), verdict);
        assertEquals(bobTrue, Double.parseDouble(verdict.substring("Most likely bob (score ".length()).split(",")[0]), 1.5e-3, verdict);
        assertEquals("", TestDesktop.text(robot, "#identify-provisional"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        desktop.close();
        try (VoiceprintStore store = SqliteStore.open(database())) {
            List<String> audit = new ArrayList<>();
            for (AuditEntry e : store.audit().latest(20)) {
                audit.add(e.kind().text() + ":" + e.resultText());
            }
            assertEquals(List.of("identify:bob", "verify:accepted"), audit, "only the two decisions are audited");
        }
    }
}
