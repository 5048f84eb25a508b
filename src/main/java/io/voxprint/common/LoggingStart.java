package io.voxprint.common;

import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * Sets up logging (about 0.3 s of a core, {@link LogFileConfigurator}) on another thread while the
 * desktop's window comes up, so that neither the window nor the work after it waits for it.
 * Whoever logs first afterwards calls {@link #await}: a line logged while another thread is still
 * setting up logging is queued and replayed with a warning on standard error.
 */
public final class LoggingStart {
    private static volatile CompletableFuture<Void> started;

    private LoggingStart() {
    }

    /** Starts the set-up on a daemon thread; idempotent. */
    public static synchronized void inBackground() {
        if (started == null) {
            started = CompletableFuture.runAsync(LoggerFactory::getILoggerFactory,
                    runnable -> NamedExecutors.daemonThreads("voxprint-logging-start").newThread(runnable).start());
        }
    }

    /** Returns once logging is set up: at once if it was, after the background set-up if one runs, else after setting it up here. */
    public static void await() {
        CompletableFuture<Void> background = started;
        if (background != null) {
            background.join();
        }
        LoggerFactory.getILoggerFactory();
    }
}
