package io.voxprint.ui.common;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into the one sentence the user reads. */
public final class UserMessages {
    public static final String UNEXPECTED = "Something unexpected went wrong; the details are in the log file.";

    private UserMessages() {
    }

    public static String sentence(Throwable error) {
        Throwable t = unwrap(error);
        String message = t == null ? null : t.getMessage();
        return message == null || message.isBlank() ? UNEXPECTED : message.strip();
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
