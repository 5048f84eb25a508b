package io.voxprint.ui.components;

import io.voxprint.ui.common.TaskViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The progress of a view's slow job with a Cancel button, shown only while the job runs. Cancel
 * returns the view to idle at once; the job's result is discarded.
 */
public final class JobProgress extends HBox {
    public JobProgress(TaskViewModel vm, String idPrefix) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = ActionButton.of("Cancel", idPrefix + "-cancel", vm::cancel);
        getChildren().addAll(bar, cancel);
        visibleProperty().bind(vm.cancellableProperty());
        managedProperty().bind(visibleProperty());
    }
}
