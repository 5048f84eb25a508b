package io.voxprint.ui.settings;

import io.voxprint.common.UserMessage;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;

/**
 * The settings page's "Time the model on this processor": about half a minute of model calls in other
 * processes, in the background with progress and Cancel. Its own view model, so that its progress and
 * the calibration's do not show for each other. The status line says which instruction set oneDNN
 * runs under, and after a tuning, which one was fastest.
 */
public final class InstructionSetViewModel extends TaskViewModel {
    private final SettingsActions actions;

    public InstructionSetViewModel(SettingsActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "");
        this.actions = actions;
    }

    /** Shows the instruction set this process runs under. */
    public void refresh() {
        statusProperty().set(actions.instructionSetInUse());
    }

    public void tune() {
        statusProperty().set("Timing the model on this processor...");
        track(Tasks.create(actions::tuneInstructionSet)
                .bindMessage(statusProperty())
                .onSuccess(statusProperty()::set)
                .onError(Exception.class, e -> {
                    statusProperty().set(UserMessage.of(e));
                    dialogs.showError(e);
                }));
    }

    /** Stops the timing (its process is ended) and says what is still in use. */
    @Override
    public void cancel() {
        super.cancel();
        statusProperty().set("Cancelled. " + actions.instructionSetInUse());
    }
}
