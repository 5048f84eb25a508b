package io.voxprint.ui.shell;

import io.voxprint.ui.common.Cancellable;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.FileType;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.Tasks;
import io.voxprint.common.UserMessage;
import io.voxprint.ui.model.ModelStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The first-start screen: licence, download with progress, or a model file the user has. */
public final class FirstStartViewModel {
    public static final String LICENCE = """
            Voxprint uses ECAPA2, a speaker-embedding model by Jenthe Thienpondt and Kris Demuynck \
            (Ghent University), published on Hugging Face as Jenthe/ECAPA2.

            The model is licensed under Creative Commons Attribution-NonCommercial 4.0 International \
            (CC-BY-NC-4.0). You may use, share and adapt it for non-commercial purposes only, and you must \
            give appropriate credit. Commercial use is not permitted under this licence.

            By downloading or choosing the model file you accept these terms. The file (about 109 MB) \
            is stored in the shared Hugging Face cache on this computer and is never uploaded anywhere.""";

    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ModelSetupActions actions;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Consumer<ModelStatus> onReady;
    private final BooleanProperty downloading = new SimpleBooleanProperty(this, "downloading", false);
    private Cancellable download;
    private boolean cancelled;

    public FirstStartViewModel(ModelSetupActions actions, TaskRunner runner, DialogService dialogs, Consumer<ModelStatus> onReady) {
        this.actions = actions;
        this.runner = runner;
        this.dialogs = dialogs;
        this.onReady = onReady;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public void download() {
        status.set("Downloading the model...");
        downloading.set(true);
        download = Tasks.create(actions::download)
                .onSuccess(this::ready)
                .onError(Exception.class, e -> status.set(cancelled ? "The download was cancelled; what arrived is kept"
                        + " and the next download continues from there." : UserMessage.of(e)))
                .andFinally(() -> {
                    downloading.set(false);
                    download = null;
                    cancelled = false;
                })
                .bindProgress(progress).bindRunning(busy)
                .runOn(runner);
    }

    /** Stops a running download (the partial file stays in the cache for the next try). */
    public void cancelDownload() {
        Cancellable running = download;
        if (running != null) {
            cancelled = true;
            running.cancel();
            status.set("The download was cancelled; what arrived is kept and the next download continues from there.");
        }
    }

    public BooleanProperty downloadingProperty() {
        return downloading;
    }

    public void chooseFile() {
        dialogs.chooseFileToOpen("Choose the ECAPA2 model file", List.of(FileType.MODEL, FileType.ANY))
                .ifPresent(this::useFile);
    }

    public void useFile(Path file) {
        status.set("Loading " + file.getFileName() + "...");
        progress.set(-1);
        Tasks.create(p -> actions.useLocalFile(file, p))
                .onSuccess(this::ready)
                .onError(Exception.class, e -> status.set(UserMessage.of(e)))
                .andFinally(() -> progress.set(0))
                .bindRunning(busy)
                .runOn(runner);
    }

    private void ready(ModelStatus model) {
        status.set("The model is ready.");
        onReady.accept(model);
    }
}
