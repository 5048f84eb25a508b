package io.voxprint.scoring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few daemon threads that help a large scan. The calling thread always scans one part itself,
 * so the pool holds one thread fewer than the machine has cores; one pool serves every index.
 */
final class ScanPool {

    private static final Logger LOG = LoggerFactory.getLogger(ScanPool.class);
    static final int PARTS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private static volatile ExecutorService pool;

    private ScanPool() {
    }

    static ExecutorService get() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (ScanPool.class) {
                p = pool;
                if (p == null) {
                    AtomicInteger n = new AtomicInteger();
                    p = Executors.newFixedThreadPool(Math.max(1, PARTS - 1), r -> {
                        Thread t = new Thread(r, "voxprint-scan-" + n.incrementAndGet());
                        t.setDaemon(true);
                        t.setUncaughtExceptionHandler((th, e) -> LOG.error("Uncaught in {}", th.getName(), e));
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }
}
