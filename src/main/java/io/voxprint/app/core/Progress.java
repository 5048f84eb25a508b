package io.voxprint.app.core;

/** Progress of a long use case; called from worker threads. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total, message) -> { };

    void update(long done, long total, String message);
}
