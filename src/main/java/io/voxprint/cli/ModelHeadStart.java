package io.voxprint.cli;

import io.voxprint.common.LoggingStart;
import io.voxprint.model.RuntimeHeadStart;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides from the raw arguments, before anything else of the command line is loaded, whether the
 * command will run the model, and if so starts libtorch at once ({@link RuntimeHeadStart}). A guess
 * that is wrong either way costs nothing but time: a command that needs the model loads it anyway,
 * and one that does not merely started the library.
 *
 * <p>The desktop (no arguments) calls {@link #inBackground} itself, before JavaFX starts. While libtorch's
 * libraries load, the C library's loader lock is held (about a quarter of a second), and every other
 * thread's first call of a native method waits for it: started once the window was up, it held the FX
 * thread for up to 350 ms at the first upload of a frame or focus of a text field; started first, it
 * brings the installed window about 0.3 s later (0.62 to 0.66 s after the launch against 0.32 to
 * 0.38 s, bench/app/launch.sh, alternating) and the model about 0.1 s sooner.
 */
public final class ModelHeadStart {
    /** The commands that run the model; {@code model} only for {@code model info} and {@code time-calls}. */
    private static final Set<String> MODEL_COMMANDS = Set.of("embed", "enroll", "verify", "identify", "eval",
            "features", "diarize");

    private ModelHeadStart() {
    }

    public static void forArguments(String... args) {
        if (runsTheModel(List.of(args))) {
            now();
        }
    }

    /** Starts libtorch on another thread; idempotent. The stage completes once its start is over, either way. */
    public static CompletionStage<Void> now() {
        // Logging is set up before the other thread's first log line: a line logged by one thread
        // while another sets up logging is queued and replayed with a warning on stderr.
        LoggingStart.await();
        return RuntimeHeadStart.start();
    }

    /** {@link #now} from another thread, so that the caller does not wait for logging to be set up either. */
    public static CompletableFuture<Void> inBackground() {
        return CompletableFuture.supplyAsync(ModelHeadStart::now).thenCompose(started -> started);
    }

    static boolean runsTheModel(List<String> args) {
        if (args.isEmpty()) {
            return false; // the desktop: Main calls inBackground() itself, before JavaFX starts
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
                return i + 1 < args.size() && (args.get(i + 1).equals("info") || args.get(i + 1).equals("time-calls"));
            }
        }
        return false;
    }
}
