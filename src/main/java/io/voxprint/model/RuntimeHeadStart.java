package io.voxprint.model;

import io.voxprint.common.NamedExecutors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts libtorch on a background thread while the process is still starting up, for a command that
 * will load a model. Loading libtorch's libraries and DJL's engine takes about half a second of one
 * core; the JVM spends the first second of a command loading its own classes (logging, the command
 * line, SQLite, Jackson) on one core, so on a machine with two cores both happen at once and the model
 * can start loading as soon as the command knows which file it is. The model's own load finds the
 * engine started; a failure here is left for that load to report, with its sentence.
 */
public final class RuntimeHeadStart {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeHeadStart.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CompletableFuture<Void> DONE = new CompletableFuture<>();

    private RuntimeHeadStart() {
    }

    /**
     * Idempotent; returns at once. The future completes, normally either way, once libtorch's start is
     * over: while its libraries load, the C library's loader lock is held (libtorch's static
     * constructors run under it, about a quarter of a second), and any other thread that loads a
     * library or calls a native method for the first time waits for it.
     */
    public static CompletableFuture<Void> start() {
        if (STARTED.compareAndSet(false, true)) {
            NamedExecutors.daemonThreads("voxprint-runtime-start").newThread(() -> {
                try {
                    TorchScriptModule.startRuntime();
                } catch (RuntimeException | LinkageError e) {
                    LOG.debug("libtorch did not start ahead of the model; the model's load will say why", e);
                } finally {
                    DONE.complete(null);
                }
            }).start();
        }
        return DONE;
    }
}
