package io.voxprint.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.ui.RecordingDialogService;
import io.voxprint.ui.common.SameThreadTaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A job that cannot say how far it is shows its seconds instead of an animated bar. */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class JobProgressTest {
    private TaskViewModel vm;
    private JobProgress progress;

    private static final class Job extends TaskViewModel {
        Job() {
            super(new SameThreadTaskRunner(new RecordingDialogService()), new RecordingDialogService(), "");
        }
    }

    @Start
    void start(Stage stage) {
        vm = new Job();
        progress = new JobProgress(vm, "job");
        stage.setScene(new Scene(progress, 400, 60));
        stage.show();
    }

    @Test
    void anUnknownProgressShowsTheSecondsAndAKnownOneTheBar(FxRobot robot) {
        robot.interact(() -> {
            // the view's bindings must outlive a collection: only the view refers to them
            System.gc();
            System.gc();
            vm.progressProperty().set(-1);
            vm.cancellableProperty().set(true);
        });
        robot.interact(() -> {
            Label elapsed = (Label) progress.lookup("#job-elapsed");
            ProgressBar bar = (ProgressBar) progress.lookup("#job-progress");
            assertTrue(elapsed.isVisible());
            assertFalse(bar.isVisible());
            assertTrue(elapsed.getText().startsWith("Working..."), elapsed.getText());
            vm.progressProperty().set(0.5);
            assertTrue(bar.isVisible());
            assertFalse(elapsed.isVisible());
            assertEquals(0.5, bar.getProgress());
        });
    }
}
