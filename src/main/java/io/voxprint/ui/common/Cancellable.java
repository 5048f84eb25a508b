package io.voxprint.ui.common;

/** A handle on a submitted job. */
public interface Cancellable {
    void cancel();

    boolean isDone();
}
