package io.voxprint.ui;

import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.Tasks;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.css.CssParser;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares JavaFX's styling while the database opens: the control and skin classes are loaded and
 * initialised and Voxprint's style sheet parsed on a background thread, then one or two of each kind
 * of control the views use are styled off screen, a few at a time, on the FX thread. The first time
 * JavaFX styles a kind of control it runs cold code; done for the whole window at once, that first
 * style pass held the FX thread for over half a second on two cores. Each step here has a pulse of its
 * own, so the window stays responsive between steps.
 */
final class StyleWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(StyleWarmUp.class);
    private static final List<Supplier<List<Node>>> STEPS = List.of(
            () -> List.of(new Label("a")),
            () -> List.of(new Button("a"), new ToggleButton("a")),
            () -> List.of(new TextField("a")),
            () -> List.of(new CheckBox("a")),
            () -> List.of(new ListView<>(FXCollections.observableArrayList("a", "b", "c"))),
            () -> List.of(new ComboBox<String>()),
            () -> List.of(new ScrollPane(new Label("a"))),
            () -> List.of(new ProgressBar(0.5), new Slider()));

    /** Classes the steps need, loaded and initialised on a background thread first. */
    private static final List<String> CLASSES = List.of(
            "javafx.scene.control.skin.LabelSkin", "javafx.scene.control.skin.ButtonSkin",
            "javafx.scene.control.skin.ToggleButtonSkin", "javafx.scene.control.skin.TextFieldSkin",
            "javafx.scene.control.skin.CheckBoxSkin", "javafx.scene.control.skin.ComboBoxListViewSkin",
            "javafx.scene.control.skin.ListViewSkin", "javafx.scene.control.skin.VirtualFlow",
            "javafx.scene.control.skin.ScrollPaneSkin", "javafx.scene.control.skin.ScrollBarSkin",
            "javafx.scene.control.skin.ProgressBarSkin", "javafx.scene.control.skin.SliderSkin",
            "javafx.scene.control.Label", "javafx.scene.control.Button", "javafx.scene.control.ToggleButton",
            "javafx.scene.control.TextField", "javafx.scene.control.CheckBox", "javafx.scene.control.ComboBox",
            "javafx.scene.control.ListView", "javafx.scene.control.ScrollPane", "javafx.scene.control.ProgressBar",
            "javafx.scene.control.Slider", "javafx.scene.control.Tooltip", "javafx.scene.control.ContextMenu");

    private StyleWarmUp() {
    }

    /**
     * Loads the classes in the background, then, once {@code after} is complete too, runs the steps on
     * the FX thread, one per pulse; returns at once. The returned stage completes after the last step,
     * or at once if the warm-up cannot run.
     */
    static CompletionStage<Void> start(String stylesheet, TaskRunner runner, CompletionStage<?> after) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Tasks.run(p -> loadClasses(stylesheet))
                .onSuccess(loaded -> after.whenComplete((r, e) -> Platform.runLater(() -> steps(stylesheet, done))))
                .onError(Exception.class, e -> {
                    LOG.debug("Style warm-up skipped", e);
                    done.complete(null);
                })
                .runOn(runner);
        return done;
    }

    private static void loadClasses(String stylesheet) {
        ClassLoader loader = StyleWarmUp.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // only how soon the first styling runs depends on it
                LOG.debug("Not preloaded: {}", name, e);
            }
        }
        try {
            new CssParser().parse(new URL(stylesheet));
        } catch (IOException e) {
            LOG.debug("Style sheet not preparsed", e);
        }
    }

    /**
     * One step per pulse: steps posted with runLater ran back to back, before the next pulse, and
     * stalled the FX thread as long as all of them together.
     */
    private static void steps(String stylesheet, CompletableFuture<Void> done) {
        new AnimationTimer() {
            private int index;

            @Override
            public void handle(long now) {
                if (index == STEPS.size()) {
                    stop();
                    done.complete(null);
                    return;
                }
                VBox root = new VBox();
                root.getChildren().setAll(STEPS.get(index++).get());
                Scene scene = new Scene(root);
                scene.getStylesheets().add(stylesheet);
                root.applyCss();
                root.layout();
            }
        }.start();
    }
}
