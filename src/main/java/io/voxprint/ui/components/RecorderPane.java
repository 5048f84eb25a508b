package io.voxprint.ui.components;

import io.voxprint.audio.capture.InputDevice;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.FileType;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.values.Take;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Records a take from a chosen input device (live level and scrolling waveform, stop by hand or at
 * the maximum length), plays it back, or imports a file by button or drag and drop. The state lives
 * in a {@link RecorderViewModel}; this pane only binds to it and forwards the user's gestures.
 */
public final class RecorderPane extends VBox {
    private final RecorderViewModel vm;
    private final DialogService dialogs;
    private final Button importButton = new Button("Import file...");
    private final WaveformView waveform = new WaveformView();
    private final BooleanProperty compact = new SimpleBooleanProperty(this, "compact", false);
    private boolean multipleFiles;

    public RecorderPane(TaskRunner runner, DialogService dialogs, Duration maxLength, String preferredDevice) {
        this(new RecorderViewModel(runner, Platform::runLater, maxLength), dialogs, preferredDevice);
    }

    public RecorderPane(RecorderViewModel vm, DialogService dialogs, String preferredDevice) {
        this.vm = vm;
        this.dialogs = dialogs;
        getStyleClass().addAll("recorder", "card");
        setSpacing(10);
        ComboBox<InputDevice> devices = new ComboBox<>(vm.devices());
        devices.setId("input-devices");
        devices.setPromptText("System default");
        devices.setMaxWidth(Double.MAX_VALUE);
        devices.valueProperty().bindBidirectional(vm.deviceProperty());
        devices.setOnShowing(e -> vm.refreshDevices(null));
        devices.disableProperty().bind(vm.recordingProperty());
        HBox.setHgrow(devices, Priority.ALWAYS);
        Label inputLabel = new Label("Input");
        inputLabel.setLabelFor(devices);
        HBox deviceRow = new HBox(8, inputLabel, devices);
        deviceRow.setAlignment(Pos.CENTER_LEFT);

        Button record = new Button();
        record.setId("record-button");
        record.getStyleClass().add("primary");
        record.textProperty().bind(javafx.beans.binding.Bindings.when(vm.recordingProperty()).then("Stop").otherwise("Record"));
        vm.recordingProperty().addListener((o, was, now) -> {
            if (now) {
                record.getStyleClass().add("recording");
                waveform.startLive(vm.sampleRate(), 6);
            } else {
                record.getStyleClass().remove("recording");
            }
        });
        record.setOnAction(e -> vm.toggleRecording());
        Button play = ActionButton.of("Play", "play-button", vm::playLastTake);
        play.disableProperty().bind(vm.canPlay().not());
        importButton.setId("import-button");
        importButton.setOnAction(e -> importFiles());
        importButton.disableProperty().bind(vm.recordingProperty());
        ProgressBar lengthBar = new ProgressBar(0);
        lengthBar.setId("length-bar");
        lengthBar.setMaxWidth(Double.MAX_VALUE);
        lengthBar.setTooltip(new Tooltip("Recording stops by itself at the maximum length."));
        lengthBar.progressProperty().bind(vm.secondsProperty().divide(vm.maxSeconds()));
        HBox.setHgrow(lengthBar, Priority.ALWAYS);
        Label lengthLabel = new Label();
        lengthLabel.setId("length-label");
        lengthLabel.setMinWidth(Region.USE_PREF_SIZE);
        lengthLabel.textProperty().bind(vm.lengthText());
        HBox buttons = new HBox(8, record, play, importButton, lengthBar, lengthLabel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        LevelMeter meter = new LevelMeter();
        meter.setId("level-meter");
        vm.levelProperty().addListener((o, old, level) -> {
            if (level == null) {
                meter.reset();
            } else {
                meter.setLevel(level);
            }
        });
        waveform.setId("live-waveform");
        vm.setOnBlock(waveform::append);
        vm.lastTakeProperty().addListener((o, old, take) -> {
            if (take instanceof Take.Recorded recorded) {
                waveform.setSamples(recorded.audio().samples(), recorded.audio().sampleRate());
            }
        });
        Label status = new Label();
        status.setId("recorder-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        status.textProperty().bind(vm.statusProperty());
        Label dropHint = new Label("You can also drop an audio file here.");
        dropHint.getStyleClass().add("hint");
        // Compact: the live waveform only while recording, no drop hint (for views that need the height).
        waveform.visibleProperty().bind(compact.not().or(vm.recordingProperty()));
        waveform.managedProperty().bind(waveform.visibleProperty());
        dropHint.visibleProperty().bind(compact.not());
        dropHint.managedProperty().bind(dropHint.visibleProperty());
        getChildren().addAll(deviceRow, meter, waveform, buttons, status, dropHint);
        installDragAndDrop();
        vm.refreshDevices(preferredDevice);
    }

    public RecorderViewModel viewModel() {
        return vm;
    }

    /** Lets "Import file..." and drag and drop take several files at once, each one a take. */
    public void setMultipleFiles(boolean multiple) {
        this.multipleFiles = multiple;
        importButton.setText(multiple ? "Import files..." : "Import file...");
    }

    private void importFiles() {
        List<FileType> types = List.of(FileType.AUDIO, FileType.ANY);
        List<Path> chosen = multipleFiles ? dialogs.chooseFilesToOpen("Import audio", types)
                : dialogs.chooseFileToOpen("Import audio", types).map(List::of).orElse(List.of());
        vm.importFiles(chosen);
    }

    /** Shows the live waveform only while recording and leaves out the drop hint. */
    public void setCompact(boolean on) {
        compact.set(on);
    }

    public void setOnTake(Consumer<Take> handler) {
        vm.setOnTake(handler);
    }

    public ReadOnlyObjectProperty<Take> lastTakeProperty() {
        return vm.lastTakeProperty();
    }

    public String statusText() {
        return vm.statusProperty().get();
    }

    public boolean isRecording() {
        return vm.recordingProperty().get();
    }

    private void installDragAndDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !vm.recordingProperty().get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty() && !vm.recordingProperty().get();
            if (ok) {
                vm.importFiles((multipleFiles ? files : files.subList(0, 1)).stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Stops a running recording without delivering it (when the view is left). */
    public void cancel() {
        vm.cancel();
    }
}
