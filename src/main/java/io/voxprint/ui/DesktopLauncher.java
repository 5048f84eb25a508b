package io.voxprint.ui;

import java.util.function.Supplier;
import javafx.application.Application;

/** Starts the JavaFX application; kept apart so that nothing outside {@code ui} touches JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /** Opens the window with the application's actions, built on the FX launcher thread. */
    public static void launch(String[] args, Supplier<UiActions> actions) {
        VoxprintApp.useActions(actions);
        Application.launch(VoxprintApp.class, args);
    }
}
