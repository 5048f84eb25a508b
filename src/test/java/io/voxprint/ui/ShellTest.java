package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.ui.shell.MainWindow;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import io.voxprint.testing.LargeHeadlessScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class ShellTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = DemoActions.window(stage, dir.resolve("settings.json"), true, new RecordingDialogService(), 1280, 800);
        stage.show();
    }

    private String section() {
        return window.current().getId();
    }

    @Test
    void opensOnEnrollAndNavigatesByMouse(FxRobot robot) {
        assertEquals("section-enroll", section());
        robot.clickOn("#nav-verify");
        assertEquals("section-verify", section());
        robot.clickOn("#nav-speakers");
        assertEquals("section-speakers", section());
        robot.clickOn("#nav-speakers");
        assertTrue(robot.lookup("#nav-speakers").queryAs(ToggleButton.class).isSelected(), "a second click keeps the section selected");
    }

    @Test
    void navigatesByShortcutsAndKeyboard(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertEquals("section-features", section());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        assertEquals("section-settings", section());
        assertTrue(robot.lookup("#nav-settings").query().isFocused(), "the shortcut puts focus on the rail");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertEquals("section-enroll", section());
        robot.type(KeyCode.DOWN);
        assertTrue(robot.lookup("#nav-verify").query().isFocused(), "arrow keys move along the rail");
        assertEquals("section-verify", section());
        robot.type(KeyCode.UP);
        assertEquals("section-enroll", section());
        robot.type(KeyCode.TAB);
        assertEquals("enroll-name", window.getScene().getFocusOwner().getId(), "Tab leaves the rail for the view's first field");
    }

    @Test
    void statusBarShowsModelDatabaseAndMicrophone(FxRobot robot) {
        assertEquals("Model: ECAPA2 \u00b7 revision a1b2c3d \u00b7 forward(audio, label)",
                robot.lookup("#status-model").queryAs(Label.class).getText());
        assertEquals("Database: /home/user/.local/share/voxprint/voxprint.db", robot.lookup("#status-database").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#status-microphone").queryAs(Label.class).getText().startsWith("Microphone: "));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#status-model").queryAs(Label.class).getText().isEmpty());
    }
}
