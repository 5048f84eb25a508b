package io.voxprint.model;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process at once, as a kill would, when it is asked to end (Ctrl+C, SIGTERM, the desktop
 * session closing) while a model's thread is inside libtorch. Left to the JVM's orderly exit, the C
 * library's exit handlers tore libtorch's threads and memory down under the running call, and the
 * JVM crashed: its fatal-error report on the terminal, an hs_err file in the current folder, exit
 * status 134. Ending at once loses nothing: the call's result is not written anywhere yet, and the
 * database rolls back a transaction it did not commit, as after a kill (the crash tests' subject).
 */
final class ExitDuringModelCall {
    /** 128 + SIGINT, what a shell reports for a command the user interrupted. */
    static final int STATUS = 130;
    private static final Logger LOG = LoggerFactory.getLogger(ExitDuringModelCall.class);
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private ExitDuringModelCall() {
    }

    /** The task, counted as a model call while it runs. */
    static <T> Callable<T> counted(Callable<T> task) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExitDuringModelCall::atExit, "voxprint-exit-during-model-call"));
        }
        return () -> {
            RUNNING.incrementAndGet();
            try {
                return task.call();
            } finally {
                RUNNING.decrementAndGet();
            }
        };
    }

    private static void atExit() {
        if (RUNNING.get() == 0) {
            return;
        }
        LOG.info("Asked to end during a model call: ending at once, without the C library's exit handlers");
        QuickExit.now(STATUS);
    }
}
