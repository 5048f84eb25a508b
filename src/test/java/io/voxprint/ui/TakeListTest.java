package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.ui.shell.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Enroll page's list of takes: each take's row is bound to that take, so after takes are added
 * and removed every row still shows its own take, and Remove removes that one.
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class TakeListTest {
    @TempDir
    Path dir;
    private Stage stage;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyRowShowsItsOwnTakeAndRemovesIt(FxRobot robot) throws Exception {
        MainWindow[] window = {importedInto(robot, List.of("anna.wav", "ben.wav", "chiara.wav"))};
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(window[0]).equals(List.of(
                "\u2716 anna.wav", "\u2716 ben.wav", "\u2716 chiara.wav")));

        robot.interact(() -> removeButtonOf(window[0], "ben.wav").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(window[0]).equals(List.of("\u2716 anna.wav", "\u2716 chiara.wav")));

        robot.interact(() -> removeButtonOf(window[0], "anna.wav").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(window[0]).equals(List.of("\u2716 chiara.wav")));
        assertEquals("Only 2.1 s of speech; 5 s or more is better. Background noise is high (SNR 9 dB).",
                WaitForAsyncUtils.asyncFx(() -> ((Label) rows(window[0]).get(0).lookup(".hint")).getText()).get());
        assertEquals("Net speech: 2.1 s    Clipping: 1.20 %    SNR: 9 dB",
                WaitForAsyncUtils.asyncFx(() -> ((Label) rows(window[0]).get(0).lookup(".take-figures")).getText()).get());

        robot.interact(() -> removeButtonOf(window[0], "chiara.wav").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(window[0]).isEmpty());
        assertEquals(List.of(true), WaitForAsyncUtils.asyncFx(() -> rowsPane(window[0]).getChildrenUnmodifiable().stream()
                .map(n -> n.getStyleClass().contains("take-placeholder")).toList()).get(), "the placeholder alone once no take is left");
    }

    @Test
    void manyTakesLengthenThePageInsteadOfOverlapping(FxRobot robot) throws Exception {
        List<String> names = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> "take-" + i + ".wav").toList();
        MainWindow[] window = {importedInto(robot, names)};
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> shown(window[0]).size() == names.size());
        WaitForAsyncUtils.waitForFxEvents();
        List<javafx.geometry.Bounds> bounds = WaitForAsyncUtils.asyncFx(() -> rows(window[0]).stream()
                .map(Node::getBoundsInParent).toList()).get();
        for (int i = 1; i < bounds.size(); i++) {
            assertTrue(bounds.get(i).getMinY() >= bounds.get(i - 1).getMaxY() - 0.5,
                    "row " + i + " starts below the one before it: " + bounds.get(i - 1) + " then " + bounds.get(i));
        }
        javafx.scene.control.ScrollPane section = (javafx.scene.control.ScrollPane) window[0].lookup("#section-enroll");
        double[] heights = WaitForAsyncUtils.asyncFx(() -> new double[] {
            section.getContent().getLayoutBounds().getHeight(), section.getViewportBounds().getHeight()}).get();
        assertTrue(heights[0] > heights[1], "the page is taller than the window and scrolls: " + heights[0] + " against " + heights[1]);
    }

    /** The demo window, 1280 x 800, with empty files of these names imported on its Enroll page. */
    private MainWindow importedInto(FxRobot robot, List<String> names) throws Exception {
        for (String name : names) {
            dialogs.fileAnswers.add(Files.createFile(dir.resolve(name)));
        }
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = DemoActions.window(stage, dir.resolve("settings.json"), true, dialogs, 1280, 800);
            stage.show();
        });
        robot.interact(() -> ((Button) window[0].lookup("#import-button")).fire());
        return window[0];
    }

    /** Mark and name of every row, top to bottom, read on the FX thread. */
    private static List<String> shown(MainWindow window) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> rows(window).stream()
                .map(r -> ((Label) r.lookup(".take-mark")).getText() + " " + ((Label) r.lookup(".take-label")).getText())
                .toList()).get();
    }

    private static Parent rowsPane(MainWindow window) {
        return (Parent) window.lookup("#enroll-takes");
    }

    private static List<Node> rows(MainWindow window) {
        return rowsPane(window).getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("take-row")).toList();
    }

    private static Button removeButtonOf(MainWindow window, String take) {
        for (Node row : rows(window)) {
            if (((Label) row.lookup(".take-label")).getText().equals(take)) {
                for (Node n : row.lookupAll(".button")) {
                    if (n instanceof Button b && b.getText().equals("Remove")) {
                        return b;
                    }
                }
            }
        }
        throw new AssertionError("no row for " + take);
    }
}
