package io.voxprint.model;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts libtorch on a background thread while the process is still starting up, for a command that
 * will load a model. Loading libtorch's libraries and DJL's engine takes about half a second of one
 * core; the JVM spends the first second of a command loading its own classes (logging, the command
 * line, SQLite, Jackson) on one core, so on a machine with two cores both happen at once and the model
 * can start loading as soon as the command knows which file it is. The model's own load finds the
 * engine started; a failure here is left for that load to report, with its sentence.
 */
public final class RuntimeHeadStart {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private RuntimeHeadStart() {
    }

    /** Idempotent; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                TorchScriptModule.startRuntime();
            } catch (RuntimeException | LinkageError e) {
                org.slf4j.LoggerFactory.getLogger(RuntimeHeadStart.class)
                        .debug("libtorch did not start ahead of the model; the model's load will say why", e);
            }
        }, "voxprint-runtime-start");
        thread.setDaemon(true);
        thread.start();
    }
}
