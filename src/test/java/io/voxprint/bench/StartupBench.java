package io.voxprint.bench;

import io.voxprint.ui.VoxprintApp;
import io.voxprint.ui.shell.MainWindow;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * Start-up figure for bench/app/run.sh (a measurement, not a test): milliseconds from the JVM's start
 * to the JavaFX toolkit being up, to the main window shown, and to the end of its first layout
 * pulse (the first frame is drawn in that pulse), and to the first pulse with the application's sections
 * in it (the window opens the database after its first frame), with the unchanged {@link VoxprintApp}. Run it under
 * a display (xvfb-run). With the argument {@code empty} it shows an empty 1280x800 window instead: the
 * same figures for bare JavaFX, the floor any JavaFX application starts from. Prints one JSON line and exits.
 * With {@code bare-window} it shows an empty window titled "Voxprint" and stays open: bench/app/launch.sh
 * times it from the launch exactly as it times the application's window.
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bare-window")) {
            Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setTitle("Voxprint");
                stage.setScene(new Scene(new Pane(), 1280, 800));
                stage.show();
            });
            return;
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long[] marks = new long[4];
        boolean empty = args.length > 0 && args[0].equals("empty");
        Platform.startup(() -> {
            marks[0] = System.currentTimeMillis();
            Stage stage = new Stage();
            stage.setOnShown(e -> marks[1] = System.currentTimeMillis());
            try {
                if (empty) {
                    stage.setScene(new Scene(new Pane(), 1280, 800));
                    stage.show();
                } else {
                    new VoxprintApp().start(stage);
                }
            } catch (Exception e) {
                throw new IllegalStateException("The application did not start", e);
            }
            stage.getScene().addPostLayoutPulseListener(() -> {
                if (marks[2] == 0) {
                    marks[2] = System.currentTimeMillis();
                }
                // the app shows its window first and puts its sections in once the database is open
                boolean sections = stage.getScene().getRoot() instanceof MainWindow;
                if (marks[3] != 0 || !(sections || empty)) {
                    return;
                }
                marks[3] = System.currentTimeMillis();
                // leave the pulse first: exiting inside it races the renderer
                Platform.runLater(() -> {
                    System.out.printf(Locale.ROOT, "{\"toolkit_ms\": %d, \"shown_ms\": %d, \"first_pulse_ms\": %d, "
                                    + "\"sections_ms\": %d}%n",
                            marks[0] - jvmStart, marks[1] - jvmStart, marks[2] - jvmStart, marks[3] - jvmStart);
                    System.exit(0);
                });
            });
        });
    }
}
