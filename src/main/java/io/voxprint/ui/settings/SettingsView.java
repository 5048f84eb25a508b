package io.voxprint.ui.settings;

import io.voxprint.audio.capture.InputDevice;
import io.voxprint.audio.capture.SoundDevices;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.FileType;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.components.ActionButton;
import io.voxprint.ui.components.JobProgress;
import io.voxprint.ui.components.SectionPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** A form bound to {@link SettingsViewModel}. */
public final class SettingsView extends VBox {
    public SettingsView(SettingsViewModel vm, DialogService dialogs) {
        setSpacing(12);
        Label title = SectionPage.heading(this, "Settings");
        GridPane form = new GridPane();
        form.getStyleClass().add("card");
        form.setHgap(12);
        form.setVgap(12);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(190);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints(200, 480, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);

        TextField modelFile = new TextField();
        modelFile.setId("settings-model-file");
        modelFile.setPromptText("Empty: download from Hugging Face");
        modelFile.textProperty().bindBidirectional(vm.modelFileProperty());
        Button browseModel = new Button("Browse...");
        browseModel.setOnAction(e -> dialogs.chooseFileToOpen("Choose the model file", List.of(FileType.MODEL, FileType.ANY))
                .map(Path::toString).ifPresent(vm.modelFileProperty()::set));
        row(form, 0, "Model file", grow(modelFile, browseModel), modelFile);

        TextField revision = new TextField();
        revision.setId("settings-revision");
        revision.textProperty().bindBidirectional(vm.modelRevisionProperty());
        row(form, 1, "Model revision", revision, revision);

        Spinner<Double> threshold = new Spinner<>();
        threshold.setId("settings-threshold");
        SpinnerValueFactory.DoubleSpinnerValueFactory values = new SpinnerValueFactory.DoubleSpinnerValueFactory(-1, 10, 0.5, 0.001);
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(Locale.ROOT, "%.3f", v);
            }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.parseDouble(s.strip().replace(',', '.'));
                } catch (NumberFormatException e) {
                    return values.getValue();
                }
            }
        });
        threshold.setValueFactory(values);
        threshold.setEditable(true);
        values.valueProperty().addListener((o, old, v) -> vm.thresholdProperty().set(v));
        vm.thresholdProperty().addListener((o, old, v) -> values.setValue(v.doubleValue()));
        values.setValue(vm.thresholdProperty().get());
        threshold.disableProperty().bind(vm.automaticThresholdProperty());
        CheckBox automatic = new CheckBox("Automatic");
        automatic.setId("settings-threshold-automatic");
        automatic.selectedProperty().bindBidirectional(vm.automaticThresholdProperty());
        automatic.setTooltip(new javafx.scene.control.Tooltip(
                "The threshold of the calibration when there is one, else the default"));
        HBox thresholdRow = new HBox(12, automatic, threshold);
        thresholdRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row(form, 2, "Decision threshold", thresholdRow, automatic);

        Button calibrate = ActionButton.of("Calibrate on enrolled speakers", "settings-calibrate", vm::calibrate);
        calibrate.disableProperty().bind(vm.calibratingProperty());
        VBox calibrationBox = jobBox("settings-calibration", vm.calibrationProperty(), calibrate, vm, "calibration",
                "Needs two enrolled speakers, one of them with two takes or more;"
                        + " more speakers and takes give a better estimate.");
        row(form, 3, "Calibration", calibrationBox, calibrate);

        CheckBox asNorm = new CheckBox("Normalise scores against a cohort (AS-norm)");
        asNorm.setId("settings-asnorm");
        asNorm.selectedProperty().bindBidirectional(vm.asNormProperty());
        row(form, 4, "Score normalisation", asNorm, asNorm);

        ComboBox<String> device = new ComboBox<>();
        device.setId("settings-input-device");
        device.setEditable(true);
        device.setMaxWidth(Double.MAX_VALUE);
        device.setPromptText("System default");
        device.getItems().setAll(SoundDevices.system().inputDevices().stream().map(InputDevice::name).toList());
        device.valueProperty().bindBidirectional(vm.inputDeviceProperty());
        row(form, 5, "Input device", device, device);

        CheckBox keep = new CheckBox("Keep enrolment audio (otherwise only the voice prints are stored)");
        keep.setId("settings-keep-audio");
        keep.setWrapText(true);
        keep.selectedProperty().bindBidirectional(vm.keepAudioProperty());
        row(form, 6, "Audio", keep, keep);

        TextField folder = new TextField();
        folder.setId("settings-data-folder");
        folder.setPromptText("Empty: the default data folder; or a team's postgresql://user@host/database");
        folder.textProperty().bindBidirectional(vm.dataFolderProperty());
        Button browseFolder = new Button("Browse...");
        browseFolder.setOnAction(e -> dialogs.chooseFolder("Choose the data folder").map(Path::toString)
                .ifPresent(vm.dataFolderProperty()::set));
        row(form, 7, "Database", grow(folder, browseFolder), folder);

        InstructionSetViewModel isa = vm.instructionSet();
        Button tune = ActionButton.of("Time the model on this processor", "settings-tune", isa::tune);
        tune.disableProperty().bind(isa.busyProperty());
        row(form, 8, "Processor", jobBox("settings-instruction-set", isa.statusProperty(), tune, isa, "tuning",
                "About ten model calls in other processes: the fastest of oneDNN's instruction sets here applies from the"
                        + " next start. Best with nothing else running."), tune);

        Button save = new Button("Save");
        save.setId("settings-save");
        save.getStyleClass().add("primary");
        save.setOnAction(e -> {
            // A number typed without Enter is still only text in the editor: commit it first.
            values.setValue(values.getConverter().fromString(threshold.getEditor().getText()));
            if (vm.save()) {
                vm.refreshCalibration();
            }
        });
        Button revert = new Button("Revert");
        revert.setOnAction(e -> vm.load());
        Label status = new Label();
        status.setId("settings-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox buttons = new HBox(10, save, revert, status);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label note = new Label("Threshold, normalisation, audio and model file apply at once; the model revision and"
                + " the database take effect the next time Voxprint starts.");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        getChildren().addAll(title, form, buttons, note);
        vm.load();
        vm.refreshCalibration();
        isa.refresh();
    }

    /** A background job's row: what it found in words, the button that starts it, its progress with Cancel, a hint. */
    private static VBox jobBox(String id, StringProperty text, Button start, TaskViewModel vm, String progressId, String hint) {
        Label result = new Label();
        result.setId(id);
        result.setWrapText(true);
        result.textProperty().bind(text);
        Label note = new Label(hint);
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        return new VBox(6, result, start, new JobProgress(vm, progressId), note);
    }

    private static HBox grow(javafx.scene.Node field, Button button) {
        HBox box = new HBox(8, field, button);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    private static void row(GridPane form, int row, String text, javafx.scene.Node node, javafx.scene.Node labelFor) {
        Label label = new Label(text);
        label.setLabelFor(labelFor);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.add(label, 0, row);
        form.add(node, 1, row);
    }
}
