package io.voxprint.app;

import io.voxprint.app.report.ReportException;
import io.voxprint.app.settings.SettingsException;
import io.voxprint.audio.AudioException;
import io.voxprint.crypto.CryptoException;
import io.voxprint.model.ModelException;
import io.voxprint.model.hub.HubException;
import io.voxprint.scoring.ScoringException;
import io.voxprint.store.StoreException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Turns any failure into the one sentence a user sees. Our packages already throw exceptions whose
 * message is that sentence; anything else is a bug or an environment problem and gets a generic
 * sentence pointing at the log, where the stack trace goes.
 */
public final class UserMessage {
    private UserMessage() {
    }

    public static boolean isExpected(Throwable t) {
        return t instanceof AudioException || t instanceof ModelException || t instanceof StoreException
                || t instanceof HubException || t instanceof VoxprintException || t instanceof ScoringException
                || t instanceof ReportException || t instanceof SettingsException || t instanceof CryptoException;
    }

    public static String of(Throwable t) {
        Throwable cause = unwrap(t);
        if (isExpected(cause) && cause.getMessage() != null) {
            return cause.getMessage();
        }
        if (cause instanceof NoSuchFileException e) {
            return "The file '" + e.getFile() + "' does not exist.";
        }
        if (cause instanceof AccessDeniedException e) {
            return "Permission denied for '" + e.getFile() + "'.";
        }
        if (cause instanceof OutOfMemoryError) {
            return "Voxprint ran out of memory; try a shorter recording or give Java more memory (-Xmx).";
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "Unexpected error (" + detail + "); details are in the log file.";
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof java.util.concurrent.ExecutionException
                || cur instanceof java.util.concurrent.CompletionException
                || cur instanceof UncheckedIOException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }
}
