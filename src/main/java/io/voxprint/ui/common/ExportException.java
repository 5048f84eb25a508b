package io.voxprint.ui.common;

import io.voxprint.common.UserFacing;

/** An export failed; the message is one sentence for the user. */
public final class ExportException extends Exception implements UserFacing {
    public ExportException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
