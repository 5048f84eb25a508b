package io.voxprint.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every message, question and file chooser the user sees goes through here. Errors are shown as
 * one sentence (the exception's message); implementations log the stack trace.
 */
public interface DialogService {
    void showError(Throwable error);

    void showError(String sentence);

    void showInformation(String sentence);

    void showWarning(String sentence);

    /** @return true when the user chose {@code confirmLabel} (e.g. "Delete"), false otherwise */
    boolean confirm(String question, String confirmLabel);

    /**
     * One of several answers, each a short label; the first is the default. @return the chosen
     * label's index, or -1 when the user closed the question without choosing
     */
    default int choose(String question, List<String> answers) {
        return -1;
    }

    /**
     * A passphrase, typed in a masked field ({@code twice}: a new one, typed again to confirm and
     * refused until both agree). The caller zeroes it. Empty when the user cancels.
     */
    default Optional<char[]> askPassphrase(String prompt, boolean twice) {
        return Optional.empty();
    }

    Optional<Path> chooseFileToOpen(String title, List<FileType> types);

    /** Several files at once (e.g. enrollment takes); empty when the user cancels. */
    default List<Path> chooseFilesToOpen(String title, List<FileType> types) {
        return chooseFileToOpen(title, types).map(List::of).orElse(List.of());
    }

    Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types);

    Optional<Path> chooseFolder(String title);
}
