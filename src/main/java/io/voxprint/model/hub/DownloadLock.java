package io.voxprint.model.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One download of a blob at a time, across threads (a lock per path) and across processes (an OS lock on the
 * file in {@code .locks/}, as huggingface_hub keeps one there). Java's file lock is a POSIX record lock and
 * Python's filelock uses flock, which Linux keeps apart: the lock excludes other Voxprint processes, not Python.
 */
final class DownloadLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadLock.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 100;
    private static final long LOG_EVERY_MILLIS = 10_000;

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private DownloadLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static DownloadLock acquire(Path lockFile, Duration timeout) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw timedOut(lockFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Reason.LOCKED, "Waiting for another download of the model was interrupted.", e);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long lastLog = System.nanoTime();
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new DownloadLock(threadLock, channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw timedOut(lockFile);
                }
                if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastLog) >= LOG_EVERY_MILLIS) {
                    LOG.info("Still waiting for another process to finish downloading ({})", lockFile);
                    lastLog = System.nanoTime();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            threadLock.unlock();
            throw new HubException(HubException.Reason.LOCKED, "Waiting for another download of the model was interrupted.", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw e;
        }
    }

    private static HubException timedOut(Path lockFile) {
        return new HubException(HubException.Reason.LOCKED,
                "Another program is downloading the same model file (lock " + lockFile + "); try again when it has finished.");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing lock file", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException e) {
            LOG.debug("Releasing lock", e);
        }
        closeQuietly(channel);
        threadLock.unlock();
    }
}
