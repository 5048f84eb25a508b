package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.FakeMicrophone;
import io.voxprint.ui.common.NodeExport;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.shell.MainWindow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import io.voxprint.testing.LargeHeadlessScreen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the window headless to target/screenshots for a person to look at (readability, nothing
 * cut off), after driving each view with the demo actions. Asserts only that the files are whole.
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class ScreenshotsTest {
    private static final Path OUT = Path.of("target", "screenshots");
    @TempDir
    static Path dir;
    private Stage stage;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void removeMicrophone() {
        FakeMicrophone.remove();
    }

    private MainWindow show(FxRobot robot, boolean model, int width, int height) {
        FakeMicrophone.install(FakeMicrophone.speechWav(), 8.0);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = DemoActions.window(stage, dir.resolve("settings.json"), model, dialogs, width, height);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        return window[0];
    }

    private void shoot(FxRobot robot, MainWindow window, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = OUT.resolve(name + ".png");
        Files.createDirectories(OUT);
        WaitForAsyncUtils.asyncFx(() -> {
            NodeExport.toPng(window, file);
            return null;
        }).get();
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals((int) Math.round(window.getWidth()), image.getWidth(), name);
        assertTrue(image.getHeight() > 500, name);
    }

    private void importDemoTake(FxRobot robot) {
        dialogs.fileAnswers.add(FakeMicrophone.speechWav());
        robot.clickOn(robot.lookup("#import-button").match(n -> n.isVisible() && n.getScene() != null).<javafx.scene.Node>query());
    }

    @Test
    void everyViewAt1280x800(FxRobot robot) throws Exception {
        MainWindow window = show(robot, true, 1280, 800);
        robot.clickOn("#enroll-name").write("Dana Whitfield");
        robot.clickOn("#record-button");
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
        robot.clickOn("#record-button");
        importDemoTake(robot);
        shoot(robot, window, "1280-enroll");

        robot.clickOn("#nav-verify");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<SpeakerSummary> speaker = robot.lookup("#verify-speaker").queryAs(ComboBox.class);
            speaker.getSelectionModel().select(0);
        });
        importDemoTake(robot);
        shoot(robot, window, "1280-verify");

        robot.clickOn("#nav-identify");
        importDemoTake(robot);
        shoot(robot, window, "1280-identify");

        robot.clickOn("#nav-features");
        importDemoTake(robot);
        shoot(robot, window, "1280-features-take");
        robot.interact(() -> robot.lookup("#features-as-b").queryAs(ToggleButton.class).setSelected(true));
        dialogs.fileAnswers.add(Path.of("other-take.wav"));
        robot.clickOn(robot.lookup("#import-button").match(n -> n.isVisible()).<javafx.scene.Node>query());
        robot.interact(() -> robot.lookup("#features-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        shoot(robot, window, "1280-features-compare");
        robot.interact(() -> robot.lookup("#features-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.clickOn("#load-speaker-map");
        shoot(robot, window, "1280-features-map");

        robot.clickOn("#nav-speakers");
        shoot(robot, window, "1280-speakers");
        robot.clickOn("#nav-timeline");
        dialogs.fileAnswers.clear();
        dialogs.fileAnswers.add(Path.of("meeting.wav"));
        robot.clickOn("#timeline-open");
        robot.clickOn("#timeline-lane-unknown-1");
        shoot(robot, window, "1280-timeline");
        robot.clickOn("#nav-settings");
        shoot(robot, window, "1280-settings");
    }

    @Test
    void firstStartAndLargeScreen(FxRobot robot) throws Exception {
        MainWindow first = show(robot, false, 1280, 800);
        shoot(robot, first, "1280-first-start");
        MainWindow big = show(robot, true, 1920, 1080);
        importDemoTake(robot);
        shoot(robot, big, "1920-enroll");
        robot.clickOn("#nav-features");
        importDemoTake(robot);
        shoot(robot, big, "1920-features-take");
    }
}
