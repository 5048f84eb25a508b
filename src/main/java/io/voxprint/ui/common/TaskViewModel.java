package io.voxprint.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What every view model that runs background work shares: a status line, a busy flag with the
 * progress of the slow job in flight, the runner and the dialogs, and a cancel that discards the
 * job's result and returns to idle at once. Plain JavaFX properties and no controls, so view models
 * stay testable without the toolkit (with {@link SameThreadTaskRunner}).
 */
public abstract class TaskViewModel {
    private final StringProperty status;
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanProperty slowRunning = new SimpleBooleanProperty(this, "slowRunning", false);
    private final BooleanProperty quickRunning = new SimpleBooleanProperty(this, "quickRunning", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    protected final TaskRunner runner;
    protected final DialogService dialogs;
    private Cancellable slowJob;

    protected TaskViewModel(TaskRunner runner, DialogService dialogs, String initialStatus) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.status = new SimpleStringProperty(this, "status", initialStatus);
        slowRunning.addListener(o -> busy.set(slowRunning.get() || quickRunning.get()));
        quickRunning.addListener(o -> busy.set(slowRunning.get() || quickRunning.get()));
    }

    public final StringProperty statusProperty() {
        return status;
    }

    /** True while a job started by {@link #track} or {@link #runBusy} runs. */
    public final BooleanProperty busyProperty() {
        return busy;
    }

    /** True while a slow job started by {@link #track} runs: the one {@link #cancel} stops. */
    public final BooleanProperty cancellableProperty() {
        return slowRunning;
    }

    /** Progress of the job started by {@link #track}: 0..1, or -1 while unknown. */
    public final DoubleProperty progressProperty() {
        return progress;
    }

    /**
     * Runs a slow job (a model call): busy and progress follow it, {@link #cancel} discards it.
     * Errors nobody handled in {@code job} clear the status and go to the dialogs.
     */
    protected final <T> void track(Tasks.Builder<T> job) {
        slowJob = job.onError(Exception.class, this::fail).bindProgress(progress).bindRunning(slowRunning).runOn(runner);
    }

    /** Runs a quick job (the database): busy follows it; errors nobody handled go to the dialogs. */
    protected final <T> void runBusy(Tasks.Builder<T> job) {
        job.onError(Exception.class, dialogs::showError).bindRunning(quickRunning).runOn(runner);
    }

    /** Clears the status line and shows the error's sentence. */
    protected final void fail(Exception e) {
        status.set("");
        dialogs.showError(e);
    }

    /**
     * Stops waiting for the slow job: its result is discarded and the view is idle at once, even if
     * the model call underneath only finishes later.
     */
    public void cancel() {
        Cancellable job = slowJob;
        if (job != null && !job.isDone()) {
            job.cancel();
            status.set("Cancelled.");
        }
    }
}
