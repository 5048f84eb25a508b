package io.voxprint.ui.common;

import io.voxprint.common.UserMessage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs each job to the end on the calling thread; for tests of view models without the toolkit. */
public final class SameThreadTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SameThreadTaskRunner.class);
    private final Consumer<Throwable> unhandled;

    public SameThreadTaskRunner(Consumer<Throwable> unhandled) {
        this.unhandled = unhandled;
    }

    public SameThreadTaskRunner(DialogService dialogs) {
        this(dialogs::showError);
    }

    @Override
    public <T> Cancellable submit(Tasks.Job<T> job) {
        boolean[] cancelled = {false};
        if (job.running != null) {
            job.running.set(true);
        }
        Progress progress = new Progress() {
            @Override
            public void update(double fraction) {
                if (job.progress != null) {
                    job.progress.set(fraction);
                }
            }

            @Override
            public void message(String text) {
                if (job.message != null) {
                    job.message.set(text);
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        try {
            T value = job.work.run(progress);
            job.succeed(value);
        } catch (Exception e) {
            Throwable cause = UserMessage.unwrap(e);
            LOG.warn("Background job failed", cause);
            if (!job.dispatchError(cause)) {
                unhandled.accept(cause);
            }
        } finally {
            job.runFinally();
        }
        return new Cancellable() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }
}
