package io.voxprint.ui;

import io.voxprint.ui.common.FxDialogService;
import io.voxprint.ui.common.FxTaskRunner;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.common.DialogService;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

/** The desktop application: one window, sized for 1280x800 and up. */
public final class VoxprintApp extends Application {
    private static volatile Function<DialogService, UiActions> actionsFactory = dialogs -> UiActions.notConnected();
    private static volatile Runnable windowShown = () -> { };

    /**
     * Called by the launcher before {@link Application#launch}, since JavaFX creates this class itself.
     * The factory may ask questions (the database's protection) over the window; {@code shown} runs
     * once the window's first frame is laid out, before the factory.
     */
    static void useActions(Function<DialogService, UiActions> factory, Runnable shown) {
        actionsFactory = factory;
        windowShown = shown;
    }

    private UiActions actions;

    /**
     * Shows the window at once, saying what it is doing, and opens the database once that first frame
     * is laid out: opening (a protected database's unlock, SQLite's native library, the first open)
     * and building the views take over a second of the FX thread, which the user used to spend
     * without any window. The database's questions then come over the window.
     */
    @Override
    public void start(Stage stage) {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        // A Text, not a Label: the first control makes JavaFX read its whole default style sheet (modena),
        // and neither that nor ours is needed for this first frame.
        Scene scene = new Scene(new StackPane(new Text("Opening the voiceprint database...")), 1280, 800);
        stage.setTitle("Voxprint");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        stage.show();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            windowShown.run();
            Platform.runLater(() -> open(scene, dialogs));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void open(Scene scene, FxDialogService dialogs) {
        actions = actionsFactory.apply(dialogs);
        MainWindow window = VoxprintUi.build(actions, FxTaskRunner.withDialogs(dialogs), dialogs);
        scene.getStylesheets().add(VoxprintUi.stylesheet());
        scene.setRoot(window);
        window.installShortcuts(scene);
        VoxprintUi.showNotices(actions, dialogs);
    }

    @Override
    public void stop() {
        if (actions != null) {
            actions.shutdown().run();
        }
    }
}
