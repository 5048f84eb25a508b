package io.voxprint.model;

import io.voxprint.common.NamedExecutors;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that holds a native model. Callers on any thread hand it work and wait; the work
 * runs strictly one call at a time, which is what DJL's predictors and managers require. Each runs
 * counted, so that a process asked to end meanwhile ends at once ({@link ExitDuringModelCall}).
 */
final class ModelOwner {
    private static final Logger LOG = LoggerFactory.getLogger(ModelOwner.class);
    // A daemon thread: a forgotten close must not keep the application alive.
    private final ExecutorService executor = NamedExecutors.single("voxprint-model");

    <T> T call(Callable<T> task) {
        Future<T> future;
        try {
            future = executor.submit(ExitDuringModelCall.counted(task));
        } catch (RejectedExecutionException e) {
            throw new ModelException("The model has been closed.", e);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("The model call was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ModelException modelException) {
                throw new ModelException(modelException.getMessage(), modelException);
            }
            if (cause instanceof Error error) {
                throw error;
            }
            LOG.error("Model call failed", cause);
            throw new ModelException("The model failed unexpectedly; the log has the details.", cause);
        }
    }

    void shutdown() {
        executor.shutdown();
    }
}
