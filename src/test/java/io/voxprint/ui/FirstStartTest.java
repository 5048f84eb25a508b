package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.ui.shell.MainWindow;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import io.voxprint.testing.LargeHeadlessScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class FirstStartTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = DemoActions.window(stage, dir.resolve("settings.json"), false, new RecordingDialogService(), 1280, 800);
        stage.show();
    }

    @Test
    void withoutAModelTheLicenceIsShownAndDownloadOpensTheApplication(FxRobot robot) {
        assertTrue(robot.lookup("#licence-text").queryAs(TextArea.class).getText().contains("CC-BY-NC-4.0"));
        assertTrue(robot.lookup("#licence-text").queryAs(TextArea.class).getText().contains("non-commercial"));
        assertTrue(window.rail().isDisabled());
        assertEquals("Model: no model yet", robot.lookup("#status-model").queryAs(Label.class).getText());

        robot.clickOn("#download-model");

        assertFalse(window.rail().isDisabled());
        assertEquals("section-enroll", window.current().getId());
        assertEquals("Model: ECAPA2 \u00b7 revision a1b2c3d \u00b7 forward(audio, label)", robot.lookup("#status-model").queryAs(Label.class).getText());
    }
}
