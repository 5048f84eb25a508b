package io.voxprint.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Dialogs that may be asked from any thread: a question from a background thread is shown on the FX
 * thread and the asking thread waits for the answer. What opens the database asks its questions (the
 * passphrase, how to protect a new database) this way, so that opening does not hold the FX thread.
 */
public final class FxThreadDialogs implements DialogService {
    private final DialogService fx;

    /** @param fx dialogs that must be used on the FX thread */
    public FxThreadDialogs(DialogService fx) {
        this.fx = fx;
    }

    @Override
    public void showError(Throwable error) {
        onFx(() -> fx.showError(error));
    }

    @Override
    public void showError(String sentence) {
        onFx(() -> fx.showError(sentence));
    }

    @Override
    public void showInformation(String sentence) {
        onFx(() -> fx.showInformation(sentence));
    }

    @Override
    public void showWarning(String sentence) {
        onFx(() -> fx.showWarning(sentence));
    }

    @Override
    public boolean confirm(String question, String confirmLabel) {
        return onFx(() -> fx.confirm(question, confirmLabel), false);
    }

    @Override
    public int choose(String question, List<String> answers) {
        return onFx(() -> fx.choose(question, answers), -1);
    }

    @Override
    public Optional<char[]> askPassphrase(String prompt, boolean twice) {
        return onFx(() -> fx.askPassphrase(prompt, twice), Optional.empty());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return onFx(() -> fx.chooseFileToOpen(title, types), Optional.empty());
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
        return onFx(() -> fx.chooseFilesToOpen(title, types), List.of());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        return onFx(() -> fx.chooseFileToSave(title, suggestedName, types), Optional.empty());
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return onFx(() -> fx.chooseFolder(title), Optional.empty());
    }

    private static void onFx(Runnable message) {
        onFx(() -> {
            message.run();
            return null;
        }, null);
    }

    /** The dialog's answer, or {@code unanswered} (what closing the dialog answers) when the wait is interrupted. */
    private static <T> T onFx(Supplier<T> dialog, T unanswered) {
        if (Platform.isFxApplicationThread()) {
            return dialog.get();
        }
        FutureTask<T> task = new FutureTask<>(dialog::get);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unanswered;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
