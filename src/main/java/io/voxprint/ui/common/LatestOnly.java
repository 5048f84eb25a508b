package io.voxprint.ui.common;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs provisional work one job at a time, always on the newest request: a job offered while the
 * previous one still runs waits, replacing any job that was already waiting, and starts as soon as the
 * running one ends. Dropping such a job instead would leave the model idle until the next offer, so on
 * a processor where one call takes a little longer than the interval between offers, results would come
 * at twice that interval. {@link #discard} throws away what waits and what is in flight (its result
 * never arrives). Failures are only logged: a provisional value that cannot be computed is simply not
 * shown.
 */
public final class LatestOnly {
    private static final Logger LOG = LoggerFactory.getLogger(LatestOnly.class);
    private final TaskRunner runner;
    private Cancellable running;
    private Runnable waiting;
    private long generation;

    public LatestOnly(TaskRunner runner) {
        this.runner = runner;
    }

    /** Starts the job, or keeps it as the next one while another runs. */
    public <T> void offer(Work<T> work, Consumer<? super T> onResult) {
        if (running != null && !running.isDone()) {
            waiting = () -> start(work, onResult);
            return;
        }
        start(work, onResult);
    }

    private <T> void start(Work<T> work, Consumer<? super T> onResult) {
        long mine = generation;
        running = Tasks.create(work)
                .onSuccess(value -> {
                    if (mine == generation) {
                        onResult.accept(value);
                    }
                })
                .onError(Exception.class, e -> LOG.debug("Provisional work failed", e))
                .andFinally(() -> {
                    if (mine == generation) {
                        startWaiting();
                    }
                })
                .runOn(runner);
    }

    private void startWaiting() {
        Runnable next = waiting;
        waiting = null;
        if (next != null) {
            next.run();
        }
    }

    /** Drops the running job's result and the job waiting to run, if any. */
    public void discard() {
        generation++;
        waiting = null;
        if (running != null) {
            running.cancel();
            running = null;
        }
    }
}
