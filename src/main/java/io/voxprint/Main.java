package io.voxprint;

import io.voxprint.cli.VoxprintCli;

/**
 * Entry point of the jar and of the installed launcher. With no arguments it opens the desktop UI,
 * otherwise it runs one CLI command. It must not extend {@code javafx.application.Application}: a
 * class-path launch of such a class is refused by the JavaFX launcher check.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before any DJL class loads: no telemetry, no engine download, ever.
        setDefault("ai.djl.offline", "true");
        setDefault("ai.djl.pytorch.graph_optimizer", "false");
        if (args.length == 0) {
            io.voxprint.ui.DesktopLauncher.launch(args);
            return;
        }
        System.exit(VoxprintCli.run(args));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
