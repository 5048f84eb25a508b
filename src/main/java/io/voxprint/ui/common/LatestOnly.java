package io.voxprint.ui.common;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs provisional work one job at a time: a job offered while the previous one still runs is
 * dropped, never queued, and {@link #discard} throws away whatever is in flight (its result never
 * arrives). Failures are only logged: a provisional value that cannot be computed is simply not shown.
 */
public final class LatestOnly {
    private static final Logger LOG = LoggerFactory.getLogger(LatestOnly.class);
    private final TaskRunner runner;
    private Cancellable running;
    private long generation;

    public LatestOnly(TaskRunner runner) {
        this.runner = runner;
    }

    /** Starts the job unless one is running; returns false when it was dropped. */
    public <T> boolean offer(Work<T> work, Consumer<? super T> onResult) {
        if (running != null && !running.isDone()) {
            return false;
        }
        long mine = generation;
        running = Tasks.create(work)
                .onSuccess(value -> {
                    if (mine == generation) {
                        onResult.accept(value);
                    }
                })
                .onError(Exception.class, e -> LOG.debug("Provisional work failed", e))
                .runOn(runner);
        return true;
    }

    /** Drops the running job's result, if any. */
    public void discard() {
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
    }
}
