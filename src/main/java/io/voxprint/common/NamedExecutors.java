package io.voxprint.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Executors whose threads are daemons with a readable name and log what escapes them. */
public final class NamedExecutors {
    private static final Logger LOG = LoggerFactory.getLogger(NamedExecutors.class);

    private NamedExecutors() {
    }

    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception in {}", t.getName(), e));
            return thread;
        };
    }

    /** A growing pool for short background jobs (file import, store queries). */
    public static ExecutorService cached(String prefix) {
        return Executors.newCachedThreadPool(daemonThreads(prefix));
    }

    /** The same, its threads at {@code niceness} ({@link ThreadNiceness}). */
    public static ExecutorService cached(String prefix, int niceness) {
        ThreadFactory named = daemonThreads(prefix);
        return Executors.newCachedThreadPool(runnable -> named.newThread(() -> {
            ThreadNiceness.setForCurrentThread(niceness);
            runnable.run();
        }));
    }

    /** A fixed number of threads, for work spread over the cores (decoding many files). */
    public static ExecutorService fixed(String prefix, int threads) {
        return Executors.newFixedThreadPool(threads, daemonThreads(prefix));
    }

    /** One thread, for work that must stay on one thread (the model's predictor). */
    public static ExecutorService single(String prefix) {
        return Executors.newSingleThreadExecutor(daemonThreads(prefix));
    }
}
