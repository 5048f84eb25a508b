package io.voxprint.model;

import com.sun.jna.NativeLibrary;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Ends the desktop's process with the C library's {@code _exit}, without its exit handlers. With
 * libtorch loaded next to Mesa's libLLVM (which GTK's OpenGL brings in, on the software renderer and
 * under most Linux graphics drivers), one of libLLVM's exit handlers freed memory it did not own, and
 * the C library aborted the process as it ended: "free(): invalid pointer" on the terminal and status
 * 134, whether the window was closed or the session ended (SIGTERM). By the time this runs, nothing
 * of ours is left to tear down: the window's stop has closed the database, the log writes every line
 * through, and an interrupted model call loses nothing it had written ({@link ExitDuringModelCall}).
 */
public final class QuickExit {
    private static final Logger LOG = LoggerFactory.getLogger(QuickExit.class);
    /** Signals that end a desktop: the session closing, Ctrl+C in its terminal, the terminal closing. */
    private static final List<String> ENDING_SIGNALS = List.of("TERM", "INT", "HUP");

    private QuickExit() {
    }

    /** Ends the process now with {@code status}; returns only where {@code _exit} cannot be called. */
    public static void now(int status) {
        System.out.flush();
        System.err.flush();
        try {
            NativeLibrary.getInstance("c").getFunction("_exit").invokeVoid(new Object[] {status});
        } catch (UnsatisfiedLinkError e) {
            LOG.warn("Could not end without the C library's exit handlers; the JVM's own exit goes on", e);
        }
    }

    /**
     * From now on the signals that end a desktop end it through {@link #now}, with the status a shell
     * reports for them (128 + the signal's number), instead of the JVM's exit.
     */
    public static void onEndingSignals() {
        for (String name : ENDING_SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> now(128 + signal.getNumber()));
            } catch (IllegalArgumentException e) {
                // taken by the JVM itself (-Xrs) or unknown here: its exit goes the usual way
                LOG.debug("Signal {} left to the JVM", name, e);
            }
        }
    }
}
