package io.voxprint.ui.shell;

import io.voxprint.ui.common.Cancellable;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.FileType;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.common.UserMessage;
import io.voxprint.ui.values.ModelStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The first-start screen: licence, download with progress, or a model file the user has. */
public final class FirstStartViewModel extends TaskViewModel {
    public static final String LICENCE = """
            Voxprint uses ECAPA2, a speaker-embedding model by Jenthe Thienpondt and Kris Demuynck \
            (Ghent University), published on Hugging Face as Jenthe/ECAPA2.

            The model is licensed under Creative Commons Attribution-NonCommercial 4.0 International \
            (CC-BY-NC-4.0). You may use, share and adapt it for non-commercial purposes only, and you must \
            give appropriate credit. Commercial use is not permitted under this licence.

            By downloading or choosing the model file you accept these terms. The file (about 109 MB) \
            is stored in the shared Hugging Face cache on this computer and is never uploaded anywhere.""";

    private final ModelSetupActions actions;
    private final Consumer<ModelStatus> onReady;
    private final BooleanProperty downloading = new SimpleBooleanProperty(this, "downloading", false);
    private Cancellable download;
    private boolean cancelled;

    public FirstStartViewModel(ModelSetupActions actions, TaskRunner runner, DialogService dialogs, Consumer<ModelStatus> onReady) {
        super(runner, dialogs, "");
        this.actions = actions;
        this.onReady = onReady;
    }

    public void download() {
        statusProperty().set("Downloading the model...");
        downloading.set(true);
        download = Tasks.create(actions::download)
                .onSuccess(this::ready)
                .onError(Exception.class, e -> statusProperty().set(cancelled ? "The download was cancelled; what arrived is kept"
                        + " and the next download continues from there." : UserMessage.of(e)))
                .andFinally(() -> {
                    downloading.set(false);
                    download = null;
                    cancelled = false;
                })
                .bindProgress(progressProperty()).bindRunning(busyProperty())
                .runOn(runner);
    }

    /** Stops a running download (the partial file stays in the cache for the next try). */
    public void cancelDownload() {
        Cancellable running = download;
        if (running != null) {
            cancelled = true;
            running.cancel();
            statusProperty().set("The download was cancelled; what arrived is kept and the next download continues from there.");
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
        statusProperty().set("Loading " + file.getFileName() + "...");
        progressProperty().set(-1);
        Tasks.create(p -> actions.useLocalFile(file, p))
                .onSuccess(this::ready)
                .onError(Exception.class, e -> statusProperty().set(UserMessage.of(e)))
                .andFinally(() -> progressProperty().set(0))
                .bindRunning(busyProperty())
                .runOn(runner);
    }

    private void ready(ModelStatus model) {
        statusProperty().set("The model is ready.");
        onReady.accept(model);
    }
}
