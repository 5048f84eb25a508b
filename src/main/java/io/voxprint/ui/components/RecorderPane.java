package io.voxprint.ui.components;

import io.voxprint.audio.capture.CaptureException;
import io.voxprint.audio.capture.CaptureListener;
import io.voxprint.audio.capture.CapturedAudio;
import io.voxprint.audio.capture.InputDevice;
import io.voxprint.audio.capture.Level;
import io.voxprint.audio.capture.Recording;
import io.voxprint.audio.capture.SoundDevices;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.FileType;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.Tasks;
import io.voxprint.common.UserMessage;
import io.voxprint.ui.model.Take;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a take from a chosen input device (live level and scrolling waveform, stop by hand or at
 * the maximum length), plays it back, or imports a file by button or drag and drop. Every take,
 * recorded or imported, goes to {@link #setOnTake}.
 */
public final class RecorderPane extends VBox {
    private static final Logger LOG = LoggerFactory.getLogger(RecorderPane.class);

    private final ComboBox<InputDevice> devices = new ComboBox<>();
    private final LevelMeter meter = new LevelMeter();
    private final WaveformView waveform = new WaveformView();
    private final Button record = new Button("Record");
    private final Button play = new Button("Play");
    private final Button importButton = new Button("Import file...");
    private final ProgressBar lengthBar = new ProgressBar(0);
    private final Label lengthLabel = new Label();
    private final Label status = new Label();
    private final ReadOnlyObjectWrapper<Take> lastTake = new ReadOnlyObjectWrapper<>(this, "lastTake");
    private final SoundDevices sound = SoundDevices.system();
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Duration maxLength;
    private final javafx.beans.property.BooleanProperty compact = new javafx.beans.property.SimpleBooleanProperty(this, "compact", false);
    private final javafx.beans.property.BooleanProperty capturing = new javafx.beans.property.SimpleBooleanProperty(this, "capturing", false);
    private Consumer<Take> onTake = t -> { };
    private boolean multipleFiles;
    private Recording recording;
    private long capturedFrames;

    public RecorderPane(TaskRunner runner, DialogService dialogs, Duration maxLength, String preferredDevice) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.maxLength = maxLength;
        getStyleClass().addAll("recorder", "card");
        setSpacing(10);
        devices.setId("input-devices");
        devices.setPromptText("System default");
        devices.setMaxWidth(Double.MAX_VALUE);
        devices.setOnShowing(e -> refreshDevices(selectedDeviceName()));
        HBox.setHgrow(devices, Priority.ALWAYS);
        Label inputLabel = new Label("Input");
        inputLabel.setLabelFor(devices);
        HBox deviceRow = new HBox(8, inputLabel, devices);
        deviceRow.setAlignment(Pos.CENTER_LEFT);

        record.setId("record-button");
        record.getStyleClass().add("primary");
        record.setOnAction(e -> toggleRecording());
        play.setId("play-button");
        play.setDisable(true);
        play.setOnAction(e -> playLastTake());
        importButton.setId("import-button");
        importButton.setOnAction(e -> importFiles());
        lengthBar.setId("length-bar");
        lengthBar.setMaxWidth(Double.MAX_VALUE);
        lengthBar.setTooltip(new Tooltip("Recording stops by itself at the maximum length."));
        HBox.setHgrow(lengthBar, Priority.ALWAYS);
        lengthLabel.setId("length-label");
        lengthLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, record, play, importButton, lengthBar, lengthLabel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        meter.setId("level-meter");
        waveform.setId("live-waveform");
        status.setId("recorder-status");
        status.setWrapText(true);
        status.getStyleClass().add("hint");
        Label dropHint = new Label("You can also drop an audio file here.");
        dropHint.getStyleClass().add("hint");
        // Compact: the live waveform only while recording, no drop hint (for views that need the height).
        waveform.visibleProperty().bind(compact.not().or(capturing));
        waveform.managedProperty().bind(waveform.visibleProperty());
        dropHint.visibleProperty().bind(compact.not());
        dropHint.managedProperty().bind(dropHint.visibleProperty());
        getChildren().addAll(deviceRow, meter, waveform, buttons, status, dropHint);
        installDragAndDrop();
        updateLengthLabel(0);
        refreshDevices(preferredDevice);
    }

    /** Lets "Import file..." and drag and drop take several files at once, each one a take. */
    public void setMultipleFiles(boolean multiple) {
        this.multipleFiles = multiple;
        importButton.setText(multiple ? "Import files..." : "Import file...");
    }

    private void importFiles() {
        List<FileType> types = List.of(FileType.AUDIO, FileType.ANY);
        List<java.nio.file.Path> chosen = multipleFiles ? dialogs.chooseFilesToOpen("Import audio", types)
                : dialogs.chooseFileToOpen("Import audio", types).map(List::of).orElse(List.of());
        chosen.forEach(path -> deliver(new Take.Imported(path)));
    }

    /** Shows the live waveform only while recording and leaves out the drop hint. */
    public void setCompact(boolean on) {
        compact.set(on);
    }

    public void setOnTake(Consumer<Take> handler) {
        this.onTake = handler;
    }

    public ReadOnlyObjectProperty<Take> lastTakeProperty() {
        return lastTake.getReadOnlyProperty();
    }

    public String statusText() {
        return status.getText();
    }

    public boolean isRecording() {
        return recording != null;
    }

    private String selectedDeviceName() {
        InputDevice d = devices.getValue();
        return d == null ? null : d.name();
    }

    private void refreshDevices(String preferred) {
        List<InputDevice> found = sound.inputDevices();
        devices.getItems().setAll(found);
        found.stream().filter(d -> d.name().equals(preferred)).findFirst()
                .or(() -> found.stream().findFirst()).ifPresent(devices::setValue);
        if (found.isEmpty()) {
            status.setText(CaptureException.NO_MICROPHONE);
        } else if (CaptureException.NO_MICROPHONE.equals(status.getText())) {
            status.setText("");
        }
    }

    private void toggleRecording() {
        if (recording != null) {
            finish(recording.stop());
            return;
        }
        try {
            capturedFrames = 0;
            recording = sound.record(selectedDeviceName(), maxLength, new CaptureListener() {
                @Override
                public void onBlock(float[] samples, Level level) {
                    Platform.runLater(() -> showBlock(samples, level));
                }

                @Override
                public void onFinished(CapturedAudio audio, StopReason reason) {
                    Platform.runLater(() -> {
                        if (recording != null) {
                            recording = null;
                            status.setText(reason == StopReason.MAX_LENGTH
                                    ? "The maximum length was reached, so the recording stopped." : "The microphone stopped delivering sound.");
                            finish(audio);
                        }
                    });
                }
            });
            capturing.set(true);
            waveform.startLive(recording.sampleRate(), 6);
            record.setText("Stop");
            record.getStyleClass().add("recording");
            devices.setDisable(true);
            importButton.setDisable(true);
            play.setDisable(true);
            status.setText(String.format(Locale.ROOT, "Recording at %.0f Hz...", recording.sampleRate()));
        } catch (CaptureException e) {
            LOG.info("Recording not started: {}", e.getMessage());
            recording = null;
            status.setText(e.getMessage());
        }
    }

    private void showBlock(float[] samples, Level level) {
        if (recording == null) {
            return;
        }
        meter.setLevel(level);
        waveform.append(samples);
        capturedFrames += samples.length;
        updateLengthLabel(capturedFrames / (double) recording.sampleRate());
    }

    private void updateLengthLabel(double seconds) {
        double max = maxLength.toMillis() / 1000.0;
        lengthBar.setProgress(Math.min(1, seconds / max));
        lengthLabel.setText(String.format(Locale.ROOT, "%.1f s of %.0f s", seconds, max));
    }

    private void finish(CapturedAudio audio) {
        recording = null;
        capturing.set(false);
        record.setText("Record");
        record.getStyleClass().remove("recording");
        devices.setDisable(false);
        importButton.setDisable(false);
        meter.reset();
        updateLengthLabel(audio.durationSeconds());
        if (audio.samples().length == 0) {
            status.setText("Nothing was recorded.");
            return;
        }
        if (!status.getText().startsWith("The maximum")) {
            status.setText(String.format(Locale.ROOT, "Recorded %.1f s.", audio.durationSeconds()));
        }
        waveform.setSamples(audio.samples(), audio.sampleRate());
        deliver(new Take.Recorded(audio));
    }

    private void deliver(Take take) {
        lastTake.set(take);
        play.setDisable(!(take instanceof Take.Recorded));
        if (take instanceof Take.Imported imported) {
            status.setText("Imported " + imported.file().getFileName() + ".");
        }
        onTake.accept(take);
    }

    private void playLastTake() {
        if (!(lastTake.get() instanceof Take.Recorded recorded)) {
            return;
        }
        play.setDisable(true);
        Tasks.run(p -> sound.play(recorded.audio()))
                .onError(Exception.class, e -> status.setText(UserMessage.of(e)))
                .andFinally(() -> play.setDisable(false))
                .runOn(runner);
    }

    private void installDragAndDrop() {
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && recording == null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty() && recording == null;
            if (ok) {
                (multipleFiles ? files : files.subList(0, 1)).forEach(f -> deliver(new Take.Imported(f.toPath())));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Stops a running recording without delivering it (when the view is left). */
    public void cancel() {
        if (recording != null) {
            Recording r = recording;
            recording = null;
            capturing.set(false);
            r.stop();
        }
        sound.stopPlayback();
    }

}
