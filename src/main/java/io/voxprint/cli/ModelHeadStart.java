package io.voxprint.cli;

import io.voxprint.common.LoggingStart;
import io.voxprint.model.RuntimeHeadStart;
import java.util.List;
import java.util.Set;

/**
 * Decides from the raw arguments, before anything else of the command line is loaded, whether the
 * command will run the model, and if so starts libtorch at once ({@link RuntimeHeadStart}). A guess
 * that is wrong either way costs nothing but time: a command that needs the model loads it anyway,
 * and one that does not merely started the library.
 *
 * <p>The desktop (no arguments) starts it later, with {@link #now} once its window is on screen:
 * started with the process, libtorch's load took the second core from JavaFX's start and the window
 * came 1.1 to 1.7 s later, for a model ready at the same time (bench/app/launch.sh, java -jar under
 * Xvfb, alternating launches; the bench then polled for the window, which slowed every launch alike).
 */
public final class ModelHeadStart {
    /** The commands that run the model; {@code model} only for {@code model info}. */
    private static final Set<String> MODEL_COMMANDS = Set.of("embed", "enroll", "verify", "identify", "eval",
            "features", "diarize");

    private ModelHeadStart() {
    }

    public static void forArguments(String... args) {
        if (runsTheModel(List.of(args))) {
            now();
        }
    }

    /** Starts libtorch on another thread; idempotent. */
    public static void now() {
        // Logging is set up before the other thread's first log line: a line logged by one thread
        // while another sets up logging is queued and replayed with a warning on stderr.
        LoggingStart.await();
        RuntimeHeadStart.start();
    }

    static boolean runsTheModel(List<String> args) {
        if (args.isEmpty()) {
            return false; // the desktop: it calls now() once its window shows
        }
        if (args.contains("--help") || args.contains("-h") || args.contains("--version") || args.contains("-V")) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (MODEL_COMMANDS.contains(arg)) {
                return true;
            }
            if (arg.equals("model")) {
                return i + 1 < args.size() && args.get(i + 1).equals("info");
            }
        }
        return false;
    }
}
