package io.voxprint.ui;

import javafx.application.Application;

/** Starts the JavaFX application; kept apart so that nothing outside {@code ui} touches JavaFX. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(VoxprintApp.class, args);
    }
}
