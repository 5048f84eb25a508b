package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.fail;

import io.voxprint.app.settings.SettingsStore;
import io.voxprint.common.NamedExecutors;
import io.voxprint.ui.common.FxTaskRunner;
import io.voxprint.ui.wiring.ConnectedUi;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real desktop, wired as the application wires it, on TestFX's stage at 1280x800 with a recording
 * dialog service: opened from a settings file (its notices shown as the application shows them),
 * waited on for states of the window (never for a time), and shut down after each test
 * ({@code @RegisterExtension} it in a test class that runs with TestFX's {@code ApplicationExtension}).
 */
final class TestDesktop implements AutoCloseable, AfterEachCallback {

    private final RecordingDialogService dialogs;
    private final int stepLimitSeconds;
    private UiActions actions;

    /** @param stepLimitSeconds ends a test that would otherwise hang; far above what any step takes on a busy machine */
    TestDesktop(RecordingDialogService dialogs, int stepLimitSeconds) {
        this.dialogs = dialogs;
        this.stepLimitSeconds = stepLimitSeconds;
    }

    /** Wires the application to {@code settings} and {@code env} and shows its window. */
    UiActions open(FxRobot robot, Map<String, String> env, SettingsStore settings) {
        actions = ConnectedUi.create(env, settings, dialogs);
        FxTaskRunner runner = new FxTaskRunner(NamedExecutors.cached("test-ui-task"), dialogs::showError);
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        robot.interact(() -> {
            Scene scene = new Scene(VoxprintUi.build(actions, runner, dialogs), 1280, 800);
            scene.getStylesheets().add(VoxprintUi.stylesheet());
            stage.setScene(scene);
            stage.show();
            VoxprintUi.showNotices(actions, dialogs);
        });
        return actions;
    }

    /** Waits for a state of the window, checked on the FX thread. */
    void until(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(stepLimitSeconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            fail(what + " did not happen within " + stepLimitSeconds + " s; errors shown: " + dialogs.errors);
        }
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Shuts the application down (its database closed), as quitting does; again is harmless. */
    @Override
    public void close() {
        if (actions != null) {
            actions.shutdown().run();
            actions = null;
        }
    }
}
