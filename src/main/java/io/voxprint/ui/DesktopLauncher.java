package io.voxprint.ui;

import io.voxprint.ui.common.DialogService;
import java.util.function.Function;
import javafx.application.Application;

/** Starts the JavaFX application; kept apart so that nothing outside {@code ui} touches JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /** Opens the window with the application's actions, built on the FX thread with the window's dialogs. */
    public static void launch(String[] args, Function<DialogService, UiActions> actions) {
        VoxprintApp.useActions(actions);
        PulseRate.applyDefault();
        Application.launch(VoxprintApp.class, args);
    }
}
