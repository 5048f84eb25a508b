package io.voxprint.ui.shell;

import javafx.scene.input.KeyCode;

/** The places the navigation rail leads to, in rail order; Ctrl+1..7 select them. */
public enum Section {
    ENROLL("Enroll", KeyCode.DIGIT1),
    VERIFY("Verify", KeyCode.DIGIT2),
    IDENTIFY("Identify", KeyCode.DIGIT3),
    FEATURES("Features", KeyCode.DIGIT4),
    SPEAKERS("Speakers", KeyCode.DIGIT5),
    TIMELINE("Timeline", KeyCode.DIGIT6),
    SETTINGS("Settings", KeyCode.DIGIT7);

    private final String title;
    private final KeyCode key;

    Section(String title, KeyCode key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    public KeyCode key() {
        return key;
    }
}
