package io.voxprint.ui.components;

import io.voxprint.ui.common.TaskViewModel;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The progress of a view's slow job with a Cancel button, shown only while the job runs. Cancel
 * returns the view to idle at once; the job's result is discarded.
 *
 * <p>While the job cannot say how far it is (one model call), the view shows the seconds it has been
 * working, once a second, instead of an indeterminate bar. That bar's animation redraws the window at
 * every pulse; with the software renderer on two cores it kept the renderer at 40 % of a core during a
 * model call, time the model needed (docs/ui.md, "Responsiveness").
 */
public final class JobProgress extends HBox {
    private final Label elapsed = new Label();
    private final Timeline ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    /** Held here: a binding only a listener refers to listens weakly to its sources and can be collected. */
    private final BooleanBinding counting;
    private long startNanos;

    public JobProgress(TaskViewModel vm, String idPrefix) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        elapsed.setId(idPrefix + "-elapsed");
        elapsed.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(elapsed, Priority.ALWAYS);
        Button cancel = ActionButton.of("Cancel", idPrefix + "-cancel", vm::cancel);
        getChildren().addAll(bar, elapsed, cancel);
        visibleProperty().bind(vm.cancellableProperty());
        managedProperty().bind(visibleProperty());

        BooleanBinding unknown = vm.progressProperty().lessThan(0);
        bar.visibleProperty().bind(unknown.not());
        bar.managedProperty().bind(bar.visibleProperty());
        elapsed.visibleProperty().bind(unknown);
        elapsed.managedProperty().bind(elapsed.visibleProperty());
        ticks.setCycleCount(Animation.INDEFINITE);
        counting = unknown.and(visibleProperty());
        counting.addListener((obs, was, now) -> count(now));
        count(counting.get());
    }

    private void count(boolean on) {
        if (on) {
            startNanos = System.nanoTime();
            elapsed.setText("Working...");
            ticks.playFromStart();
        } else {
            ticks.stop();
        }
    }

    private void tick() {
        long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
        elapsed.setText("Working... " + seconds + " s");
    }
}
