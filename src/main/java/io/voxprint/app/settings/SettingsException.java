package io.voxprint.app.settings;

import io.voxprint.common.UserFacing;

/** Settings could not be saved; the message is one sentence for the user. */
public final class SettingsException extends Exception implements UserFacing {
    public SettingsException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
