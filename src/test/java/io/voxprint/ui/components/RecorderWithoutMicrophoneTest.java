package io.voxprint.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.voxprint.testing.FakeMicrophone;
import io.voxprint.ui.RecordingDialogService;
import io.voxprint.ui.common.SameThreadTaskRunner;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import io.voxprint.testing.LargeHeadlessScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class RecorderWithoutMicrophoneTest {
    private RecorderPane recorder;

    @Start
    void start(Stage stage) {
        FakeMicrophone.remove();
        RecordingDialogService dialogs = new RecordingDialogService();
        recorder = new RecorderPane(new SameThreadTaskRunner(dialogs), dialogs, Duration.ofSeconds(4), "USB headset");
        stage.setScene(new Scene(recorder, 800, 400));
        stage.show();
    }

    @Test
    void saysSoInOneSentenceAndRecordsNothing(FxRobot robot) {
        String sentence = "No microphone was found; you can still import audio files.";
        assertEquals(sentence, robot.lookup("#recorder-status").queryAs(Label.class).getText());
        robot.clickOn("#record-button");
        assertEquals(sentence, robot.lookup("#recorder-status").queryAs(Label.class).getText());
        assertNull(recorder.lastTakeProperty().get());
        assertEquals(false, recorder.isRecording());
    }
}
