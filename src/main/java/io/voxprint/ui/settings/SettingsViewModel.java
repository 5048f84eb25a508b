package io.voxprint.ui.settings;

import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.UserMessages;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The settings form; reading and writing the file is quick, so it happens on the caller's thread. */
public final class SettingsViewModel {
    private final StringProperty modelFile = new SimpleStringProperty(this, "modelFile", "");
    private final StringProperty modelRevision = new SimpleStringProperty(this, "modelRevision", "main");
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", Settings.DEFAULT_THRESHOLD);
    private final BooleanProperty asNorm = new SimpleBooleanProperty(this, "asNorm", false);
    private final StringProperty inputDevice = new SimpleStringProperty(this, "inputDevice", "");
    private final BooleanProperty keepAudio = new SimpleBooleanProperty(this, "keepAudio", false);
    private final StringProperty dataFolder = new SimpleStringProperty(this, "dataFolder", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final SettingsActions actions;
    private final DialogService dialogs;

    public SettingsViewModel(SettingsActions actions, DialogService dialogs) {
        this.actions = actions;
        this.dialogs = dialogs;
    }

    public StringProperty modelFileProperty() {
        return modelFile;
    }

    public StringProperty modelRevisionProperty() {
        return modelRevision;
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

    public StringProperty statusProperty() {
        return status;
    }

    public void load() {
        SettingsStore.Loaded loaded = actions.load();
        show(loaded.settings());
        status.set(loaded.warning().orElse(""));
        loaded.warning().ifPresent(dialogs::showWarning);
    }

    private void show(Settings s) {
        modelFile.set(s.modelFile());
        modelRevision.set(s.modelRevision());
        threshold.set(s.threshold());
        asNorm.set(s.asNorm());
        inputDevice.set(s.inputDevice());
        keepAudio.set(s.keepAudio());
        dataFolder.set(s.dataFolder());
    }

    public Settings toSettings() {
        return new Settings(modelFile.get().strip(), modelRevision.get().strip(), threshold.get(), asNorm.get(),
                inputDevice.get(), keepAudio.get(), dataFolder.get().strip());
    }

    /** @return true when saved */
    public boolean save() {
        double t = threshold.get();
        if (!(t >= -1 && t <= 1)) {
            status.set(String.format(Locale.ROOT, "The threshold must lie between -1 and 1, not %.3f.", t));
            return false;
        }
        try {
            actions.save(toSettings());
            status.set("Settings saved.");
            return true;
        } catch (Exception e) {
            status.set(UserMessages.sentence(e));
            dialogs.showError(e);
            return false;
        }
    }
}
