package io.voxprint.ui.common;

import io.voxprint.common.UserMessage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX alerts and the platform's file choosers. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(Throwable error) {
        // Logged where it was caught (the task runner, or the caller), not again here.
        showError(UserMessage.of(error));
    }

    @Override
    public void showError(String sentence) {
        show(Alert.AlertType.ERROR, "Error", sentence);
    }

    @Override
    public void showInformation(String sentence) {
        show(Alert.AlertType.INFORMATION, "Information", sentence);
    }

    @Override
    public void showWarning(String sentence) {
        show(Alert.AlertType.WARNING, "Warning", sentence);
    }

    private void show(Alert.AlertType type, String title, String sentence) {
        Runnable r = () -> {
            Alert alert = alert(type, title, sentence);
            alert.show();
        };
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    private Alert alert(Alert.AlertType type, String title, String sentence) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(null);
        Label text = new Label(sentence);
        text.setWrapText(true);
        text.setMaxWidth(460);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().getStyleClass().add("voxprint-dialog");
        return alert;
    }

    @Override
    public boolean confirm(String question, String confirmLabel) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Please confirm", question);
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(no, yes);
        // The safe choice is the default one: Enter must not delete anything.
        alert.getDialogPane().lookupButton(yes).getStyleClass().add("danger");
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public int choose(String question, List<String> answers) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, "Please choose", question);
        List<ButtonType> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            buttons.add(new ButtonType(answers.get(i), i == 0 ? ButtonBar.ButtonData.OK_DONE : ButtonBar.ButtonData.OTHER));
        }
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(buttons);
        alert.getButtonTypes().add(cancel);
        return alert.showAndWait().map(buttons::indexOf).orElse(-1);
    }

    @Override
    public Optional<char[]> askPassphrase(String prompt, boolean twice) {
        return new PassphraseDialog(owner.get(), prompt, twice).ask();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public List<Path> chooseFilesToOpen(String title, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType t : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(t.description(), t.patterns()));
        }
        return chooser;
    }
}
