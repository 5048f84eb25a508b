package io.voxprint.ui.common;

import io.voxprint.common.UserMessage;
import io.voxprint.common.NamedExecutors;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs as {@code javafx.concurrent.Task}s on a daemon executor; success, error, finally and
 * property updates happen on the FX thread.
 */
public final class FxTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
    private final Executor executor;
    private final Consumer<Throwable> unhandled;

    public FxTaskRunner(Executor executor, Consumer<Throwable> unhandled) {
        this.executor = executor;
        this.unhandled = unhandled;
    }

    /** A runner on a cached pool of threads named {@code voxprint-ui-task-N}. */
    public static FxTaskRunner withDialogs(DialogService dialogs) {
        return new FxTaskRunner(NamedExecutors.cached("voxprint-ui-task", BackgroundPriority.NICENESS), dialogs::showError);
    }

    @Override
    public <T> Cancellable submit(Tasks.Job<T> job) {
        Task<T> task = new Task<>() {
            private final Progress progress = new Progress() {
                @Override
                public void update(double fraction) {
                    updateProgress(fraction < 0 ? -1 : fraction, fraction < 0 ? -1 : 1);
                }

                @Override
                public void message(String text) {
                    updateMessage(text);
                }

                @Override
                public boolean isCancelled() {
                    // Asked from the worker thread: the FutureTask flag, not getState() (FX thread only).
                    return cancelledNow() || Thread.currentThread().isInterrupted();
                }

                @Override
                public void publish(Runnable update) {
                    // Checked again on the FX thread: a cancel may come between the post and the run.
                    javafx.application.Platform.runLater(() -> {
                        if (!cancelledNow()) {
                            update.run();
                        }
                    });
                }
            };

            private boolean cancelledNow() {
                return super.isCancelled();
            }

            @Override
            protected T call() throws Exception {
                return job.work.run(progress);
            }
        };
        if (job.progress != null) {
            job.progress.bind(task.progressProperty());
        }
        if (job.message != null) {
            job.message.bind(task.messageProperty());
        }
        if (job.running != null) {
            job.running.set(true);
        }
        task.setOnSucceeded(e -> finish(job, () -> job.succeed(task.getValue())));
        task.setOnFailed(e -> finish(job, () -> {
            Throwable cause = UserMessage.unwrap(task.getException());
            LOG.warn("Background job failed", cause);
            if (!job.dispatchError(cause)) {
                unhandled.accept(cause);
            }
        }));
        task.setOnCancelled(e -> finish(job, () -> { }));
        executor.execute(task);
        return new Cancellable() {
            @Override
            public void cancel() {
                // No interrupt: it would close a file channel under the model loader or the store (and
                // cannot stop a native model call). The task is marked cancelled, its callbacks see it
                // at once, and work that can stop early polls Progress.isCancelled().
                task.cancel(false);
            }

            @Override
            public boolean isDone() {
                return task.isDone();
            }
        };
    }

    private static void finish(Tasks.Job<?> job, Runnable outcome) {
        if (job.progress != null) {
            job.progress.unbind();
        }
        if (job.message != null) {
            job.message.unbind();
        }
        try {
            outcome.run();
        } finally {
            job.runFinally();
        }
    }
}
