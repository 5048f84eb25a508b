package io.voxprint.ui.settings;

import io.voxprint.app.core.Calibration;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.common.UserMessage;
import io.voxprint.ui.values.CalibrationStatus;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings form. Reading and writing the file is quick and happens on the caller's thread;
 * calibration needs the model and runs in the background.
 */
public final class SettingsViewModel extends TaskViewModel {
    private final StringProperty modelFile = new SimpleStringProperty(this, "modelFile", "");
    private final StringProperty modelRevision = new SimpleStringProperty(this, "modelRevision", "main");
    private final BooleanProperty automaticThreshold = new SimpleBooleanProperty(this, "automaticThreshold", true);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", ScoringOptions.DEFAULT_THRESHOLD);
    private final BooleanProperty asNorm = new SimpleBooleanProperty(this, "asNorm", false);
    private final StringProperty inputDevice = new SimpleStringProperty(this, "inputDevice", "");
    private final BooleanProperty keepAudio = new SimpleBooleanProperty(this, "keepAudio", false);
    private final StringProperty dataFolder = new SimpleStringProperty(this, "dataFolder", "");
    private final StringProperty calibration = new SimpleStringProperty(this, "calibration", "");
    private final SettingsActions actions;
    private final InstructionSetViewModel instructionSet;
    private String loadedModelFile = "";
    private Runnable onModelChanged = () -> { };

    public SettingsViewModel(SettingsActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "");
        this.actions = actions;
        this.instructionSet = new InstructionSetViewModel(actions, runner, dialogs);
    }

    /** The processor's instruction set for the model, and its tuning. */
    public InstructionSetViewModel instructionSet() {
        return instructionSet;
    }

    /** Called after a save that changed the model file, so the window can load the new model. */
    public void setOnModelChanged(Runnable handler) {
        this.onModelChanged = handler;
    }

    public StringProperty modelFileProperty() {
        return modelFile;
    }

    public StringProperty modelRevisionProperty() {
        return modelRevision;
    }

    /** True: decisions use the calibrated threshold when there is one, else the default. */
    public BooleanProperty automaticThresholdProperty() {
        return automaticThreshold;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public BooleanProperty asNormProperty() {
        return asNorm;
    }

    public StringProperty inputDeviceProperty() {
        return inputDevice;
    }

    public BooleanProperty keepAudioProperty() {
        return keepAudio;
    }

    public StringProperty dataFolderProperty() {
        return dataFolder;
    }

    /** The calibration result and the threshold in force, in words. */
    public StringProperty calibrationProperty() {
        return calibration;
    }

    /** True while the calibration is read or computed. */
    public BooleanProperty calibratingProperty() {
        return busyProperty();
    }

    public void load() {
        SettingsStore.Loaded loaded = actions.load();
        show(loaded.settings());
        statusProperty().set(loaded.warning().orElse(""));
        loaded.warning().ifPresent(dialogs::showWarning);
    }

    private void show(Settings s) {
        modelFile.set(s.modelFile());
        loadedModelFile = s.modelFile();
        modelRevision.set(s.modelRevision());
        automaticThreshold.set(s.threshold() == null);
        threshold.set(s.threshold() != null ? s.threshold()
                : s.asNorm() ? ScoringOptions.DEFAULT_NORM_THRESHOLD : ScoringOptions.DEFAULT_THRESHOLD);
        asNorm.set(s.asNorm());
        inputDevice.set(s.inputDevice() == null ? "" : s.inputDevice());
        keepAudio.set(s.keepAudio());
        dataFolder.set(s.dataFolder());
    }

    public Settings toSettings() {
        String device = inputDevice.get() == null ? "" : inputDevice.get();
        return new Settings(modelFile.get().strip(), modelRevision.get().strip(),
                automaticThreshold.get() ? null : threshold.get(), asNorm.get(), device, keepAudio.get(),
                dataFolder.get().strip());
    }

    /** @return true when saved */
    public boolean save() {
        double t = threshold.get();
        double limit = asNorm.get() ? 10 : 1;
        if (!automaticThreshold.get() && !(t >= -limit && t <= limit)) {
            statusProperty().set(String.format(Locale.ROOT, "The threshold must lie between %.0f and %.0f, not %.3f.", -limit, limit, t));
            return false;
        }
        try {
            Settings saved = toSettings();
            actions.save(saved);
            statusProperty().set("Settings saved.");
            boolean modelChanged = !saved.modelFile().equals(loadedModelFile);
            loadedModelFile = saved.modelFile();
            if (modelChanged) {
                onModelChanged.run();
            }
            return true;
        } catch (Exception e) {
            statusProperty().set(UserMessage.of(e));
            dialogs.showError(e);
            return false;
        }
    }

    /** Reads the calibration of the model in use (in the background). */
    public void refreshCalibration() {
        runBusy(Tasks.create(p -> actions.calibrationStatus())
                .onSuccess(c -> calibration.set(describe(c)))
                .onError(Exception.class, e -> calibration.set(UserMessage.of(e))));
    }

    /** Calibrates on the enrolled speakers and shows the result. */
    public void calibrate() {
        calibration.set("Calibrating on the enrolled speakers...");
        track(Tasks.create(p -> actions.calibrate())
                .onSuccess(c -> calibration.set(describe(c)))
                .onError(Exception.class, e -> {
                    calibration.set(UserMessage.of(e));
                    dialogs.showError(e);
                }));
    }

    /** Stops waiting for a calibration and shows the calibration in force again. */
    @Override
    public void cancel() {
        super.cancel();
        refreshCalibration();
    }

    public static String describe(CalibrationStatus s) {
        Calibration c = s.calibration();
        String now = String.format(Locale.ROOT, "Decisions use the threshold %.3f (%s).", s.thresholdInForce(), s.source());
        if (c == null) {
            return "Not calibrated yet. " + now;
        }
        return String.format(Locale.ROOT, "Calibrated on %s: %d same-speaker and %d different-speaker trials, equal error"
                + " rate %.1f %% at the threshold %.3f. %s", c.source(), c.targetTrials(), c.nonTargetTrials(),
                100 * c.eer(), c.eerThreshold(), now);
    }
}
