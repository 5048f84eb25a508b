package io.voxprint.ui;

import io.voxprint.ui.common.BackgroundPriority;
import io.voxprint.ui.common.DialogService;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Application;

/** Starts the JavaFX application; kept apart so that nothing outside {@code ui} touches JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /**
     * Opens the window with the application's actions, built off the FX thread with the window's
     * dialogs; {@code nativeStart} gives the native libraries' start, begun before this call, which the
     * views wait for (VoxprintApp).
     */
    public static void launch(String[] args, Function<DialogService, UiActions> actions,
            Supplier<? extends CompletionStage<?>> nativeStart) {
        VoxprintApp.useActions(actions, nativeStart);
        BackgroundPriority.lowerCompilers();
        PulseRate.applyDefault();
        Application.launch(VoxprintApp.class, args);
    }
}
