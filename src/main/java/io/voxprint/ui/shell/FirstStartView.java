package io.voxprint.ui.shell;

import io.voxprint.ui.components.ActionButton;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Shown instead of the sections while no model is available. */
public final class FirstStartView extends StackPane {
    public FirstStartView(FirstStartViewModel vm) {
        getStyleClass().add("first-start");
        Label title = new Label("Welcome to Voxprint");
        title.getStyleClass().add("title");
        Label intro = new Label("Voxprint needs the ECAPA2 speaker model before it can enroll or verify anyone. "
                + "Please read its licence, then download it or choose a copy you already have.");
        intro.setWrapText(true);
        TextArea licence = new TextArea(FirstStartViewModel.LICENCE);
        licence.setId("licence-text");
        licence.setEditable(false);
        licence.setWrapText(true);
        licence.setPrefRowCount(9);
        licence.setFocusTraversable(true);
        VBox.setVgrow(licence, Priority.ALWAYS);

        Button download = ActionButton.of("Download", "download-model", vm::download);
        download.getStyleClass().add("primary");
        download.setDefaultButton(true);
        download.disableProperty().bind(vm.busyProperty());
        Button choose = ActionButton.of("Choose file...", "choose-model-file", vm::chooseFile);
        choose.disableProperty().bind(vm.busyProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("download-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Button cancel = ActionButton.of("Cancel", "cancel-download", vm::cancelDownload);
        cancel.visibleProperty().bind(vm.downloadingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox actions = new HBox(10, download, choose, progress, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("first-start-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        VBox card = new VBox(14, title, intro, new Label("Model licence (CC-BY-NC-4.0, non-commercial use only)"), licence, actions, status);
        card.getStyleClass().add("card");
        card.setMaxWidth(720);
        card.setMaxHeight(560);
        getChildren().add(card);
    }
}
