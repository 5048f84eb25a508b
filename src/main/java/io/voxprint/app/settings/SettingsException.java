package io.voxprint.app.settings;

/** Settings could not be saved; the message is one sentence for the user. */
public final class SettingsException extends Exception {
    public SettingsException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
