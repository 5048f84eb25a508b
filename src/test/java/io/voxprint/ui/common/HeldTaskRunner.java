package io.voxprint.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds submitted jobs until the test runs them, standing in for model calls still running; a
 * cancel behaves as with {@link FxTaskRunner}: the job ends at once (its finally runs) and its result
 * never arrives.
 */
public final class HeldTaskRunner implements TaskRunner {
    private final List<Runnable> held = new ArrayList<>();
    private final SameThreadTaskRunner inline = new SameThreadTaskRunner(e -> {
        throw new AssertionError("unhandled", e);
    });

    @Override
    public <T> Cancellable submit(Tasks.Job<T> job) {
        boolean[] done = {false};
        if (job.running != null) {
            job.running.set(true);
        }
        held.add(() -> {
            if (!done[0]) {
                done[0] = true;
                inline.submit(job);
            }
        });
        return new Cancellable() {
            @Override
            public void cancel() {
                if (!done[0]) {
                    done[0] = true;
                    job.runFinally();
                }
            }

            @Override
            public boolean isDone() {
                return done[0];
            }
        };
    }

    /** How many jobs wait. */
    public int waiting() {
        return held.size();
    }

    /** Runs every waiting job to its end, in the order submitted. */
    public void runAll() {
        List<Runnable> now = new ArrayList<>(held);
        held.clear();
        now.forEach(Runnable::run);
    }
}
