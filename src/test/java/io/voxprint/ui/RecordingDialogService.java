package io.voxprint.ui;

import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.FileType;
import io.voxprint.common.UserMessage;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service for tests: remembers what it was asked to show and answers from queues. */
public final class RecordingDialogService implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public final List<String> information = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    public final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    public final Deque<Path> fileAnswers = new ArrayDeque<>();
    /** Questions with several answers, each as "question -> answer 1 | answer 2". */
    public final List<String> choices = new ArrayList<>();
    /** The labels of the answers to choose, in turn; none queued closes the question (-1). */
    public final Deque<String> choiceAnswers = new ArrayDeque<>();
    public final List<String> passphrasePrompts = new ArrayList<>();
    /** Passphrases to type; none queued cancels. */
    public final Deque<String> passphraseAnswers = new ArrayDeque<>();

    @Override
    public void showError(Throwable error) {
        errors.add(UserMessage.of(error));
    }

    @Override
    public void showError(String sentence) {
        errors.add(sentence);
    }

    @Override
    public void showInformation(String sentence) {
        information.add(sentence);
    }

    @Override
    public void showWarning(String sentence) {
        warnings.add(sentence);
    }

    @Override
    public boolean confirm(String question, String confirmLabel) {
        questions.add(question);
        return confirmAnswers.isEmpty() ? false : confirmAnswers.poll();
    }

    @Override
    public int choose(String question, List<String> answers) {
        choices.add(question + " -> " + String.join(" | ", answers));
        return choiceAnswers.isEmpty() ? -1 : answers.indexOf(choiceAnswers.poll());
    }

    @Override
    public Optional<char[]> askPassphrase(String prompt, boolean twice) {
        passphrasePrompts.add(prompt);
        return Optional.ofNullable(passphraseAnswers.poll()).map(String::toCharArray);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return Optional.ofNullable(fileAnswers.poll());
    }

    /** Answers with every queued file at once. */
    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
        List<Path> all = new ArrayList<>(fileAnswers);
        fileAnswers.clear();
        return all;
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        return Optional.ofNullable(fileAnswers.poll());
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.ofNullable(fileAnswers.poll());
    }
}
