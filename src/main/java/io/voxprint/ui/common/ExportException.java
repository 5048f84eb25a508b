package io.voxprint.ui.common;

/** An export failed; the message is one sentence for the user. */
public final class ExportException extends Exception {
    public ExportException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
