package io.voxprint.ui.common;

/**
 * Runs jobs built with {@link Tasks}. {@link FxTaskRunner} uses a {@code javafx.concurrent.Task} on
 * a daemon executor and calls back on the FX thread; {@link SameThreadTaskRunner} runs everything
 * at once on the caller's thread, so view models can be tested without the toolkit.
 */
public interface TaskRunner {
    <T> Cancellable submit(Tasks.Job<T> job);
}
