package io.voxprint.ui;

import io.voxprint.ui.common.FxDialogService;
import io.voxprint.ui.common.FxTaskRunner;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.common.DialogService;
import java.util.function.Function;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application: one window, sized for 1280x800 and up. */
public final class VoxprintApp extends Application {
    private static volatile Function<DialogService, UiActions> actionsFactory = dialogs -> UiActions.notConnected();

    /**
     * Called by the launcher before {@link Application#launch}, since JavaFX creates this class itself.
     * The factory may ask questions (the database's protection) before the window shows.
     */
    static void useActions(Function<DialogService, UiActions> factory) {
        actionsFactory = factory;
    }

    private UiActions actions;

    @Override
    public void start(Stage stage) {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        actions = actionsFactory.apply(dialogs);
        MainWindow window = VoxprintUi.build(actions, FxTaskRunner.withDialogs(dialogs), dialogs);
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(VoxprintUi.stylesheet());
        window.installShortcuts(scene);
        stage.setTitle("Voxprint");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        stage.show();
        VoxprintUi.showNotices(actions, dialogs);
    }

    @Override
    public void stop() {
        if (actions != null) {
            actions.shutdown().run();
        }
    }
}
