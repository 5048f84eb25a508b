package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.settings.SettingsStore;
import io.voxprint.ui.common.HeldTaskRunner;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.settings.StoredSettingsActions;
import io.voxprint.ui.shell.ModelSetupActions;
import io.voxprint.ui.shell.ShellViewModel;
import io.voxprint.ui.values.ModelStatus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop warms the model up after loading it, in the background, through the one task runner. */
class ModelWarmUpTest {
    @TempDir
    Path dir;

    private final DemoActions demo = new DemoActions();
    private final HeldTaskRunner runner = new HeldTaskRunner();
    private final ShellViewModel shell = new ShellViewModel();
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Test
    void warmsUpAsASecondBackgroundJobOnceTheModelHasLoaded() {
        VoxprintUi.loadModel(DemoActions.uiActions(demo, dir.resolve("settings.json"), DemoActions.noCamera(), true),
                runner, dialogs, shell);
        assertEquals(1, runner.waiting(), "the load waits in the runner");
        assertTrue(shell.modelProperty().get().isEmpty());

        runner.runAll();
        assertTrue(shell.modelProperty().get().isPresent(), "the model is usable as soon as it has loaded");
        assertEquals(0, demo.warmUps, "the warm-up is not run by the load's callback itself");
        assertEquals(1, runner.waiting(), "the warm-up waits in the same runner");

        runner.runAll();
        assertEquals(1, demo.warmUps);
        assertEquals(0, runner.waiting());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aModelThatFailsToLoadIsNotWarmedUp() {
        ModelSetupActions failing = new LoadingOnlyModelSetup() {
            @Override
            public ModelStatus loadCurrent(Progress progress) {
                throw new IllegalStateException("The model file is damaged.");
            }

            @Override
            public void warmUp(Progress progress) {
                demo.warmUp(progress);
            }
        };
        UiActions actions = new UiActions(failing, demo, demo, demo, demo, demo, new DemoTimeline(),
                new StoredSettingsActions(new SettingsStore(dir.resolve("settings.json"))), DemoActions.noCamera(),
                () -> Optional.of(DemoActions.MODEL), () -> "voxprint.db");
        VoxprintUi.loadModel(actions, runner, dialogs, shell);
        runner.runAll();
        assertEquals(0, runner.waiting(), "nothing more was submitted");
        assertEquals(0, demo.warmUps);
        assertEquals(1, dialogs.errors.size(), "the load's failure is shown");
    }
}
