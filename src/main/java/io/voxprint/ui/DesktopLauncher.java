package io.voxprint.ui;

import io.voxprint.ui.common.DialogService;
import java.util.function.Function;
import javafx.application.Application;

/** Starts the JavaFX application; kept apart so that nothing outside {@code ui} touches JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /**
     * Opens the window with the application's actions, built on the FX thread with the window's
     * dialogs; {@code windowShown} runs on the FX thread once the window's first frame is laid out,
     * before the actions are built.
     */
    public static void launch(String[] args, Function<DialogService, UiActions> actions, Runnable windowShown) {
        VoxprintApp.useActions(actions, windowShown);
        PulseRate.applyDefault();
        Application.launch(VoxprintApp.class, args);
    }
}
