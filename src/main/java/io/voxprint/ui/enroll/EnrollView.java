package io.voxprint.ui.enroll;

import io.voxprint.ui.common.OnePerPulse;
import io.voxprint.ui.components.ActionButton;
import io.voxprint.ui.components.JobProgress;
import io.voxprint.ui.components.RecorderPane;
import io.voxprint.ui.components.SectionPage;
import io.voxprint.ui.photo.PhotoControl;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Name, recorder, takes checklist with quality per take, photo, Save. */
public final class EnrollView extends HBox {
    public EnrollView(EnrollViewModel vm, RecorderPane recorder, PhotoControl photo) {
        setSpacing(20);
        Label title = SectionPage.heading(this, "Enroll a speaker");
        TextField name = new TextField();
        name.setId("enroll-name");
        name.setPromptText("Speaker's name");
        name.textProperty().bindBidirectional(vm.nameProperty());
        Label nameLabel = new Label("Name");
        nameLabel.setLabelFor(name);
        Label nameHint = new Label("Use the name of someone already enrolled to add these takes to them.");
        nameHint.getStyleClass().add("hint");
        nameHint.setWrapText(true);
        // several imported files come as several takes at once: their rows are made a pulse apart
        recorder.setOnTake(new OnePerPulse<>(vm::addTake));
        recorder.setMultipleFiles(true);

        Label takesTitle = new Label();
        takesTitle.getStyleClass().add("subtitle");
        takesTitle.setId("enroll-takes-summary");
        takesTitle.textProperty().bind(vm.takesSummary());
        Label placeholder = new Label("Record or import " + EnrollViewModel.RECOMMENDED_TAKES
                + " takes of about 10 seconds each, in different sessions if you can.");
        placeholder.getStyleClass().add("take-placeholder");
        placeholder.setWrapText(true);
        TakeList takes = new TakeList(vm.takes(), vm::removeTake, placeholder);
        takes.setId("enroll-takes");
        takes.setMinHeight(260);
        VBox.setVgrow(takes, Priority.ALWAYS);

        CheckBox useAnyway = new CheckBox("Use takes below the quality minimum anyway");
        useAnyway.setId("enroll-use-anyway");
        useAnyway.setWrapText(true);
        useAnyway.selectedProperty().bindBidirectional(vm.useAnywayProperty());
        useAnyway.visibleProperty().bind(vm.hasWeakTakes().or(vm.useAnywayProperty()));
        useAnyway.managedProperty().bind(useAnyway.visibleProperty());

        VBox left = new VBox(10, title, nameLabel, name, nameHint, recorder, takesTitle, takes, useAnyway);
        HBox.setHgrow(left, Priority.ALWAYS);

        photo.photoProperty().bindBidirectional(vm.photoProperty());
        Button save = ActionButton.of("Save speaker", "enroll-save", vm::save);
        save.getStyleClass().add("primary");
        save.disableProperty().bind(vm.canSave().not());
        save.setMaxWidth(Double.MAX_VALUE);
        JobProgress progress = new JobProgress(vm, "enroll");
        Label status = new Label();
        status.setId("enroll-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label refused = new Label();
        refused.setId("enroll-refused");
        refused.setWrapText(true);
        refused.getStyleClass().add("warning");
        refused.textProperty().bind(vm.refusalProperty());
        refused.visibleProperty().bind(vm.refusalProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        Label photoTitle = new Label("Photo");
        photoTitle.getStyleClass().add("subtitle");
        VBox right = new VBox(12, refused, photoTitle, photo, save, progress, status);
        right.getStyleClass().add("card");
        right.setPrefWidth(240);
        right.setMinWidth(220);
        right.setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(left, right);
        setPadding(new Insets(4));
    }
}
