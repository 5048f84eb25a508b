package io.voxprint.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.FakeMicrophone;
import io.voxprint.testing.Fixtures;
import io.voxprint.ui.RecordingDialogService;
import io.voxprint.ui.common.SameThreadTaskRunner;
import io.voxprint.ui.values.Take;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import io.voxprint.testing.LargeHeadlessScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class RecorderPaneTest {
    private RecorderPane recorder;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final AtomicReference<Double> loudestRms = new AtomicReference<>(-100.0);

    @Start
    void start(Stage stage) {
        FakeMicrophone.install(FakeMicrophone.speechWav(), 4.0);
        recorder = new RecorderPane(new SameThreadTaskRunner(dialogs), dialogs, Duration.ofSeconds(4), null);
        LevelMeter meter = (LevelMeter) recorder.lookup("#level-meter");
        meter.rmsDbProperty().addListener((o, old, db) -> loudestRms.accumulateAndGet(db.doubleValue(), Math::max));
        stage.setScene(new Scene(recorder, 800, 400));
        stage.show();
    }

    @AfterEach
    void removeMicrophone() {
        FakeMicrophone.remove();
    }

    @Test
    void recordsFromTheMicrophoneAndShowsLevels(FxRobot robot) throws Exception {
        assertEquals(FakeMicrophone.MIXER_NAME, robot.lookup("#input-devices").queryAs(ComboBox.class).getValue().toString());
        robot.clickOn("#record-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> recorder.lastTakeProperty().get() != null).get());

        Take.Recorded take = assertInstanceOf(Take.Recorded.class, recorder.lastTakeProperty().get());
        short[] played = Fixtures.pcm16(FakeMicrophone.speechWav());
        float[] got = take.audio().samples();
        assertEquals(16_000f, take.audio().sampleRate());
        assertEquals(64_000, got.length);
        for (int i = 0; i < played.length; i++) {
            assertEquals(played[i] / 32768.0, got[i], 0.5 / 32768, "sample " + i);
        }
        assertTrue(loudestRms.get() > -30, "the meter moved with the speech: " + loudestRms.get() + " dBFS");
        assertEquals("4.0 s of 4 s", robot.lookup("#length-label").queryAs(Label.class).getText());
        assertEquals("The maximum length was reached, so the recording stopped.", recorder.statusText());
    }

    @Test
    void stopByHandDeliversTheTakeRecordedSoFar(FxRobot robot) throws Exception {
        // Slower than real time, so the stop lands well before the 4 s maximum even on a busy machine.
        FakeMicrophone.install(FakeMicrophone.speechWav(), 0.25);
        robot.clickOn("#record-button");
        // Stop once some sound has arrived (a fixed pause came up empty on a busy machine).
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> recorder.viewModel().secondsProperty().get() > 0.2);
        robot.clickOn("#record-button");
        Take.Recorded take = assertInstanceOf(Take.Recorded.class, recorder.lastTakeProperty().get());
        assertTrue(take.audio().samples().length > 0 && take.audio().samples().length < 64_000);
        assertTrue(recorder.statusText().startsWith("Recorded "), recorder.statusText());
    }

    @Test
    void importButtonHandsOverTheChosenFile(FxRobot robot) {
        Path file = Path.of("/tmp/some-voice.flac");
        dialogs.fileAnswers.add(file);
        robot.clickOn("#import-button");
        assertEquals(new Take.Imported(file), recorder.lastTakeProperty().get());
        assertEquals("Imported some-voice.flac.", recorder.statusText());
    }
}
