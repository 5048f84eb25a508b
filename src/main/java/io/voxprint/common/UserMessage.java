package io.voxprint.common;

import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one translator from a failure to the sentence a user sees, for the CLI and the desktop alike.
 * A {@link UserFacing} exception already carries that sentence; a few environment failures get a
 * sentence of their own; anything else gets {@link #UNEXPECTED}, never its raw text (a
 * NullPointerException's message means nothing to a user). Translating logs nothing: the code that
 * handles the failure logs it, once.
 */
public final class UserMessage {
    public static final String UNEXPECTED = "Something unexpected went wrong; the details are in the log file.";

    private UserMessage() {
    }

    /** Whether the failure carries its own sentence (expected bad input or environment, not a bug). */
    public static boolean isExpected(Throwable t) {
        Throwable cause = unwrap(t);
        return cause instanceof UserFacing && cause.getMessage() != null && !cause.getMessage().isBlank();
    }

    public static String of(Throwable t) {
        Throwable cause = unwrap(t);
        if (isExpected(cause)) {
            return cause.getMessage().strip();
        }
        if (cause instanceof NoSuchFileException e) {
            return "The file '" + e.getFile() + "' does not exist.";
        }
        if (cause instanceof AccessDeniedException e) {
            return "Permission denied for '" + e.getFile() + "'.";
        }
        if (cause instanceof CancellationException) {
            // Thrown on purpose when the user stops a task; ours say what stopped.
            return cause.getMessage() == null || cause.getMessage().isBlank() ? "Cancelled." : cause.getMessage().strip();
        }
        if (cause instanceof OutOfMemoryError) {
            return "Voxprint ran out of memory; try a shorter recording or give Java more memory (-Xmx).";
        }
        return UNEXPECTED;
    }

    /** The failure inside the wrappers that executors, futures and reflection put around it. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof ExecutionException || cur instanceof CompletionException
                || cur instanceof UncheckedIOException || cur instanceof InvocationTargetException)
                && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
