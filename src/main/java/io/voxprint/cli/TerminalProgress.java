package io.voxprint.cli;

import java.io.PrintStream;

/** A progress bar on a terminal, a plain line every 10 % otherwise (logs, pipes, CI). */
final class TerminalProgress {
    /** What is counted: downloaded bytes (shown in MB) or whole files. */
    enum Unit {
        BYTES, FILES;

        String amount(long done, long total) {
            return this == BYTES ? mb(done) + " of " + mb(total) + " MB" : done + " of " + total + " files";
        }
    }

    private final PrintStream err;
    private final String label;
    private final Unit unit;
    private final boolean terminal = System.console() != null;
    private int lastDecile = -1;
    private long lastDraw;

    TerminalProgress(PrintStream err, String label, Unit unit) {
        this.err = err;
        this.label = label;
        this.unit = unit;
    }

    synchronized void update(long done, long total) {
        if (total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = percent * width / 100;
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + percent + "% "
                    + unit.amount(done, total));
            err.flush();
        } else if (percent / 10 != lastDecile) {
            lastDecile = percent / 10;
            err.println(label + ": " + percent + "% (" + unit.amount(done, total) + ")");
        }
    }

    synchronized void finish() {
        if (terminal) {
            err.println();
        }
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
