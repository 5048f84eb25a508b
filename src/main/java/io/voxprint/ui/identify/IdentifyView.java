package io.voxprint.ui.identify;

import io.voxprint.ui.components.JobProgress;
import io.voxprint.ui.components.RankedScoreBars;
import io.voxprint.ui.components.RecorderPane;
import io.voxprint.ui.components.SectionPage;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Recorder and the five best candidates. */
public final class IdentifyView extends VBox {
    public IdentifyView(IdentifyViewModel vm, RecorderPane recorder) {
        setSpacing(12);
        Label title = SectionPage.heading(this, "Identify a speaker");
        recorder.setOnTake(vm::identify);
        recorder.viewModel().setOnPartialTake(vm::rankSoFar);
        recorder.viewModel().recordingProperty().addListener((o, was, now) -> {
            if (now) {
                vm.recordingStarted();
            }
        });
        RankedScoreBars bars = new RankedScoreBars();
        bars.setId("identify-bars");
        vm.candidates().addListener((ListChangeListener<Object>) c -> bars.setCandidates(vm.candidates(), vm.thresholdProperty().get()));
        Label verdict = new Label();
        verdict.setId("identify-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("decision");
        verdict.textProperty().bind(vm.verdictProperty());
        Label provisional = new Label();
        provisional.setId("identify-provisional");
        provisional.setWrapText(true);
        provisional.getStyleClass().add("provisional");
        provisional.textProperty().bind(vm.provisionalTextProperty());
        provisional.visibleProperty().bind(vm.provisionalTextProperty().isNotEmpty());
        provisional.managedProperty().bind(provisional.visibleProperty());
        JobProgress progress = new JobProgress(vm, "identify");
        Label top = new Label("Best " + RankedScoreBars.SHOWN + " candidates");
        top.getStyleClass().add("subtitle");
        VBox result = new VBox(10, top, provisional, bars, verdict, progress);
        result.getStyleClass().add("card");
        getChildren().addAll(title, recorder, result);
    }
}
