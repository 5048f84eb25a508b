package io.voxprint.ui.verify;

import io.voxprint.ui.components.JobProgress;
import io.voxprint.ui.components.RecorderPane;
import io.voxprint.ui.components.ScoreGauge;
import io.voxprint.ui.components.SectionPage;
import io.voxprint.ui.values.SpeakerSummary;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Speaker picker, recorder, score gauge with the decision and the likelihood ratio. */
public final class VerifyView extends VBox {
    public VerifyView(VerifyViewModel vm, RecorderPane recorder) {
        setSpacing(12);
        Label title = SectionPage.heading(this, "Verify a speaker");
        ComboBox<SpeakerSummary> speaker = new ComboBox<>(vm.speakers());
        speaker.setId("verify-speaker");
        speaker.setPromptText("Choose a speaker");
        speaker.valueProperty().bindBidirectional(vm.selectedProperty());
        speaker.setMinWidth(260);
        Label speakerLabel = new Label("Claimed speaker");
        speakerLabel.setLabelFor(speaker);
        Button refresh = new Button("Refresh list");
        refresh.setOnAction(e -> vm.refreshSpeakers());
        HBox pick = new HBox(10, speakerLabel, speaker, refresh);
        pick.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        recorder.setOnTake(vm::verify);
        recorder.viewModel().setOnPartialTake(vm::scoreSoFar);
        recorder.viewModel().recordingProperty().addListener((o, was, now) -> {
            if (now) {
                vm.recordingStarted();
            }
        });

        ScoreGauge gauge = new ScoreGauge();
        gauge.setId("verify-gauge");
        gauge.decision().bind(vm.decision());
        Label llr = new Label();
        llr.setId("verify-llr");
        llr.setWrapText(true);
        llr.textProperty().bind(vm.llrProperty());
        Label provisional = new Label();
        provisional.setId("verify-provisional");
        provisional.setWrapText(true);
        provisional.getStyleClass().add("provisional");
        provisional.textProperty().bind(vm.provisionalTextProperty());
        provisional.visibleProperty().bind(vm.provisionalTextProperty().isNotEmpty());
        provisional.managedProperty().bind(provisional.visibleProperty());
        JobProgress progress = new JobProgress(vm, "verify");
        Label status = new Label();
        status.setId("verify-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label resultTitle = new Label("Result");
        resultTitle.getStyleClass().add("subtitle");
        VBox result = new VBox(10, resultTitle, provisional, gauge, llr, progress, status);
        result.getStyleClass().add("card");
        VBox.setVgrow(result, Priority.SOMETIMES);
        getChildren().addAll(title, pick, recorder, result);
        vm.refreshSpeakers();
    }
}
