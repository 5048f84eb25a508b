package io.voxprint.cli;

import io.voxprint.model.RuntimeHeadStart;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Decides from the raw arguments, before anything else of the command line is loaded, whether the
 * command will run the model, and if so starts libtorch at once ({@link RuntimeHeadStart}); no
 * arguments is the desktop, which always loads the model it has. A guess
 * that is wrong either way costs nothing but time: a command that needs the model loads it anyway,
 * and one that does not merely started the library.
 */
public final class ModelHeadStart {
    /** The commands that run the model; {@code model} only for {@code model info}. */
    private static final Set<String> MODEL_COMMANDS = Set.of("embed", "enroll", "verify", "identify", "eval",
            "features", "diarize");

    private ModelHeadStart() {
    }

    public static void forArguments(String... args) {
        if (runsTheModel(List.of(args))) {
            // Logging starts here, before the other thread's first log line: a line logged by one
            // thread while another configures logging is queued and replayed with a warning on stderr.
            LoggerFactory.getILoggerFactory();
            RuntimeHeadStart.start();
        }
    }

    static boolean runsTheModel(List<String> args) {
        if (args.isEmpty()) {
            return true; // the desktop, which loads the model as soon as its window is up
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
