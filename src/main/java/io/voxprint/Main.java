package io.voxprint;

import io.voxprint.cli.ModelHeadStart;
import io.voxprint.cli.VoxprintCli;
import io.voxprint.common.LoggingStart;
import io.voxprint.model.QuickExit;
import io.voxprint.ui.DesktopLauncher;
import io.voxprint.ui.wiring.ConnectedUi;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

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
        // libtorch starts on another core while this one loads the command line's classes
        ModelHeadStart.forArguments(args);
        if (args.length == 0) {
            // The real application's actions are wired here, above ui, so ui never depends on its wiring.
            // libtorch starts first (ModelHeadStart), on another thread, logging while the window comes.
            LoggingStart.inBackground();
            QuickExit.onEndingSignals();
            CompletableFuture<Void> natives = ModelHeadStart.inBackground();
            DesktopLauncher.launch(args, ConnectedUi::create, () -> natives);
            // the window is closed and its stop has closed the database: the C library's exit
            // handlers are all that is left, and one of them aborts next to libtorch (QuickExit)
            QuickExit.now(0);
            return;
        }
        // stdout carries the CLI's JSON alone: a library that prints (jflac does on damaged files)
        // writes to stderr instead.
        PrintStream results = System.out;
        System.setOut(System.err);
        System.exit(VoxprintCli.run(System.getenv(), results, System.err, args));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
