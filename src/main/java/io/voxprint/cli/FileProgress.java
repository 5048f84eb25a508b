package io.voxprint.cli;

import io.voxprint.app.core.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Files done, of how many, and the time left, on stderr: redrawn in place on a terminal; otherwise
 * (stdout redirected, logs) a plain line at every tenth of a batch of ten files or more, so that a
 * short run's stderr holds nothing but its errors. The estimate is the pace since the first file
 * finished (the first one also waited for the model to load).
 */
final class FileProgress implements Progress {
    private final PrintStream err;
    private final String label;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private long firstDone;
    private long lastDecile = -1;

    FileProgress(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public synchronized void update(long done, long total, String message) {
        if (total <= 1 || done <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (done == 1) {
            firstDone = now;
        }
        double perFile = done == 1 ? (now - start) / 1e9 : (now - firstDone) / 1e9 / (done - 1);
        double remainingSeconds = perFile * (total - done);
        String left = done < total && Double.isFinite(remainingSeconds) ? ", about " + duration(remainingSeconds) + " left" : "";
        String line = String.format(Locale.ROOT, "%s: %d of %d files%s", label, done, total, left);
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            if (done == total) {
                err.println();
            }
        } else if (total >= 10 && done * 10 / total != lastDecile) {
            lastDecile = done * 10 / total;
            err.println(line);
        }
        err.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
