package io.voxprint.ui;

import io.voxprint.ui.common.FxDialogService;
import io.voxprint.ui.common.FxTaskRunner;
import io.voxprint.ui.common.FxThreadDialogs;
import io.voxprint.ui.common.PiecewiseReveal;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.common.DialogService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

/** The desktop application: one window, sized for 1280x800 and up. */
public final class VoxprintApp extends Application {
    private static volatile Function<DialogService, UiActions> actionsFactory = dialogs -> UiActions.notConnected();
    private static volatile Supplier<? extends CompletionStage<?>> nativeStart = () -> CompletableFuture.completedFuture(null);

    /**
     * Called by the launcher before {@link Application#launch}, since JavaFX creates this class itself.
     * The factory may ask questions (the database's protection) over the window; {@code natives} gives
     * the native libraries' start, which the warm-up and the views wait for.
     */
    static void useActions(Function<DialogService, UiActions> factory, Supplier<? extends CompletionStage<?>> natives) {
        actionsFactory = factory;
        nativeStart = natives;
    }

    private final Object lock = new Object();
    private UiActions actions;
    private boolean stopped;

    /**
     * Shows the window at once, saying what it is doing, and opens the database on a background
     * thread once that first frame is laid out: opening (a protected database's unlock, SQLite's native
     * library, the first open) takes most of a second, during which the window stays responsive; the
     * database's questions come over the window. The style warm-up's steps on the FX thread wait until
     * libtorch's start, which the launcher began before JavaFX's, is over: while its libraries load, the
     * C library's loader lock is held for about a quarter of a second, and the FX thread's first call of
     * any native method (the first upload of a frame to the window, the first focus of a text field)
     * waited for it, up to 350 ms. The views are built on the FX thread once the database is open and
     * the warm-up is over.
     */
    @Override
    public void start(Stage stage) {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        loadPlatformStyles();
        Scene scene = firstFrame();
        stage.setTitle("Voxprint");
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        stage.setScene(scene);
        stage.show();
        FxTaskRunner runner = FxTaskRunner.withDialogs(dialogs);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            CompletionStage<Void> styled = warmUpStyles(runner, nativeStart.get());
            Tasks.create(p -> open(dialogs))
                    .onSuccess(opened -> styled.thenRun(() -> Platform.runLater(() -> {
                        if (opened != null) {
                            showMain(scene, opened, runner, dialogs);
                        }
                    })))
                    .runOn(runner);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * Reads JavaFX's own style sheet (modena) now, before the window shows. Left to itself, JavaFX
     * reads it when the first control class is initialised, which the style warm-up does on a
     * background thread; the reading is then posted to the FX thread and held it for about 100 ms
     * once the window was up. Here it costs the same before the first frame, while nothing is on screen.
     */
    public static void loadPlatformStyles() {
        Application.setUserAgentStylesheet(Application.STYLESHEET_MODENA);
    }

    /**
     * The first frame: a line saying what is happening. A Text, not a Label: no control is skinned
     * and styled before the window shows, and Voxprint's style sheet is not needed yet.
     */
    public static Scene firstFrame() {
        return new Scene(new StackPane(new Text("Opening the voiceprint database...")), 1280, 800);
    }

    /**
     * Styles each kind of control once, off screen, in small steps on the FX thread, once {@code after}
     * is complete; returns at once. The stage completes when the warm-up is over (or skipped).
     */
    public static CompletionStage<Void> warmUpStyles(TaskRunner runner, CompletionStage<?> after) {
        return StyleWarmUp.start(VoxprintUi.stylesheet(), runner, after);
    }

    /**
     * Builds the views (FX thread) and puts them in place of the first frame in a later FX event, the
     * section shown first coming on screen over several pulses ({@link PiecewiseReveal}), and every
     * other section on its first visit: the views' construction and their first style pass, the
     * largest shares of the FX thread's start-up work, no longer come in one or two long pulses. The
     * model starts loading once the first section is whole: on two cores its load beside these pulses
     * took the FX thread's turns on a core.
     */
    public static MainWindow showMain(Scene scene, UiActions actions, TaskRunner runner, DialogService dialogs) {
        CompletableFuture<Void> revealed = new CompletableFuture<>();
        MainWindow window = VoxprintUi.build(actions, runner, dialogs, revealed);
        Platform.runLater(() -> {
            PiecewiseReveal section = PiecewiseReveal.prepare(window.current());
            scene.getStylesheets().add(VoxprintUi.stylesheet());
            scene.setRoot(window);
            window.installShortcuts(scene);
            section.start(scene, () -> revealed.complete(null));
            window.revealNewSectionsPiecewise(); // and so does every section on its first visit
            VoxprintUi.showNotices(actions, dialogs);
        });
        return window;
    }

    /** Off the FX thread; null when the window was closed meanwhile (the actions are then shut down). */
    private UiActions open(DialogService dialogs) {
        UiActions opened = actionsFactory.apply(new FxThreadDialogs(dialogs));
        synchronized (lock) {
            if (!stopped) {
                actions = opened;
                return opened;
            }
        }
        opened.shutdown().run();
        return null;
    }

    @Override
    public void stop() {
        UiActions open;
        synchronized (lock) {
            stopped = true;
            open = actions;
        }
        if (open != null) {
            open.shutdown().run();
        }
    }
}
