package io.voxprint.ui.common;

import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A masked passphrase field (two for a new passphrase, which must agree and be long enough before
 * OK is enabled). The text leaves the fields as characters, and the fields are cleared afterwards.
 */
final class PassphraseDialog {
    /** The crypto layer refuses shorter new passphrases; the dialog says so before it is asked. */
    static final int MIN_NEW_CHARS = 8;

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final PasswordField first = new PasswordField();
    private final PasswordField second = new PasswordField();
    private final boolean twice;

    PassphraseDialog(Window owner, String prompt, boolean twice) {
        this.twice = twice;
        dialog.initOwner(owner);
        dialog.setTitle("Passphrase");
        first.setId("passphrase-field");
        second.setId("passphrase-repeat");
        second.setPromptText("the same again");
        Label hint = new Label(twice ? "At least " + MIN_NEW_CHARS + " characters; it cannot be recovered if forgotten." : "");
        hint.setWrapText(true);
        VBox content = twice ? new VBox(8, new Label(prompt), first, second, hint) : new VBox(8, new Label(prompt), first);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStyleClass().add("voxprint-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, ButtonType.OK);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(this::incomplete,
                first.textProperty(), second.textProperty()));
        dialog.setOnShown(e -> first.requestFocus());
    }

    private boolean incomplete() {
        String a = first.getText();
        return a.isEmpty() || twice && (a.length() < MIN_NEW_CHARS || !a.equals(second.getText()));
    }

    Optional<char[]> ask() {
        try {
            return dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                    .map(b -> first.getText().toCharArray());
        } finally {
            first.clear();
            second.clear();
        }
    }
}
