package io.voxprint.ui.timeline;

import io.voxprint.ui.components.ActionButton;
import io.voxprint.ui.components.JobProgress;
import io.voxprint.ui.components.SectionPage;
import io.voxprint.ui.components.WaveformView;
import java.io.File;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A long recording's waveform with one coloured lane per voice, filled in while the work runs;
 * click a segment to hear it, pick a voice to rename it or enroll it, export the timeline.
 */
public final class TimelineView extends VBox {
    private final SpeakerLanes lanes;

    public TimelineView(TimelineViewModel vm) {
        setSpacing(12);
        Label title = SectionPage.heading(this, "Who spoke when");
        Button open = ActionButton.of("Open recording...", "timeline-open", vm::open);
        Button rttm = ActionButton.of("Export RTTM...", "timeline-export-rttm", vm::exportRttm);
        Button csv = ActionButton.of("Export CSV...", "timeline-export-csv", vm::exportCsv);
        rttm.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(vm.segments())));
        csv.disableProperty().bind(rttm.disableProperty());
        Label file = new Label();
        file.setId("timeline-file");
        file.textProperty().bind(vm.fileProperty().map(p -> p.getFileName().toString()).orElse("Drop a recording here."));
        HBox bar = new HBox(8, open, rttm, csv, file);
        bar.setAlignment(Pos.CENTER_LEFT);

        WaveformView waveform = new WaveformView();
        waveform.setId("timeline-waveform");
        vm.outlineProperty().addListener((o, was, pairs) -> {
            if (pairs == null) {
                waveform.clear();
            } else {
                // Min/max pairs drawn as samples: the envelope of the pairs is the recording's envelope.
                waveform.setSamples(pairs, 2f * TimelineViewModel.OUTLINE_BUCKETS_PER_SECOND);
            }
        });
        Region gap = new Region();
        gap.setMinWidth(SpeakerLanes.NAME_WIDTH);
        HBox.setHgrow(waveform, Priority.ALWAYS);
        HBox wave = new HBox(8, gap, waveform);
        lanes = new SpeakerLanes(vm);
        VBox timeline = new VBox(6, wave, lanes);
        timeline.getStyleClass().add("card");

        getChildren().addAll(title, bar, timeline, new JobProgress(vm, "timeline"), voicePanel(vm), status(vm));
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !vm.cancellableProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                vm.open(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private static HBox voicePanel(TimelineViewModel vm) {
        Label label = new Label("Voice");
        TextField name = new TextField();
        name.setId("timeline-name");
        name.setPromptText("Click a segment or a voice");
        name.setPrefColumnCount(18);
        label.setLabelFor(name);
        vm.selectedLaneProperty().addListener((o, was, now) -> name.setText(now == null ? "" : now.name()));
        Button rename = ActionButton.of("Rename", "timeline-rename", () -> vm.rename(name.getText()));
        rename.disableProperty().bind(vm.selectedLaneProperty().isNull());
        Button enroll = ActionButton.of("Enroll as new speaker", "timeline-enroll", () -> vm.enrollSelected(name.getText()));
        enroll.disableProperty().bind(vm.busyProperty().or(vm.selectedLaneProperty().isNull())
                .or(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> vm.selectedLaneProperty().get() != null && vm.selectedLaneProperty().get().known(),
                        vm.selectedLaneProperty())));
        HBox panel = new HBox(8, label, name, rename, enroll);
        panel.setAlignment(Pos.CENTER_LEFT);
        return panel;
    }

    private static Label status(TimelineViewModel vm) {
        Label status = new Label();
        status.setId("timeline-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        return status;
    }

    /** The block drawn for a segment (for tests and screenshots); null when it is not shown. */
    public Region block(io.voxprint.ui.values.TimelineSegment segment) {
        return lanes.block(segment);
    }
}
