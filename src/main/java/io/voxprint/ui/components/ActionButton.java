package io.voxprint.ui.components;

import javafx.scene.control.Button;

/** A button that does one thing, with the id the UI tests and the stylesheet find it by. */
public final class ActionButton {
    private ActionButton() {
    }

    public static Button of(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
