package io.voxprint.ui.wiring;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.ModelStatus;
import io.voxprint.ui.shell.ModelSetupActions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/** The first-start screen on the model service: download, choose a file, load. */
final class ModelSetupAdapter implements ModelSetupActions {
    private final AppSession session;

    ModelSetupAdapter(AppSession session) {
        this.session = session;
    }

    @Override
    public ModelStatus download(Progress progress) throws Exception {
        progress.message("Downloading the model...");
        session.app().models().download((done, total) -> {
            if (progress.isCancelled()) {
                throw new CancellationException("The download was cancelled.");
            }
            progress.update(total > 0 ? (double) done / total : -1);
            progress.message(total > 0
                    ? String.format(Locale.ROOT, "Downloaded %.1f of %.1f MB", done / 1e6, total / 1e6)
                    : String.format(Locale.ROOT, "Downloaded %.1f MB", done / 1e6));
        });
        session.rememberModelFile("");
        session.app().models().useHubCache();
        return loadCurrent(progress);
    }

    @Override
    public ModelStatus useLocalFile(Path file, Progress progress) throws Exception {
        session.app().models().useFile(file);
        ModelStatus status = loadCurrent(progress);
        // Only a file that loaded is remembered for the next start.
        session.rememberModelFile(file.toAbsolutePath().toString());
        return status;
    }

    @Override
    public ModelStatus loadCurrent(Progress progress) {
        progress.update(-1);
        progress.message("Loading the model...");
        return session.loadedModel();
    }

    @Override
    public void warmUp(Progress progress) {
        progress.update(-1);
        progress.message("Warming up the model...");
        session.app().models().model().warmUp();
    }
}
