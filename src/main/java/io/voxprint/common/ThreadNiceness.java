package io.voxprint.common;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of single threads. Linux keeps niceness per thread, and a thread
 * starts with the niceness of the thread that created it.
 *
 * <p>The desktop runs everything but its UI threads at a lower priority: on two cores the model's
 * threads, the JVM's just-in-time compilers and the background tasks otherwise shared a core with the
 * JavaFX thread between pulses, and a pulse came late. At a lower priority they get every moment the
 * UI leaves, and the scheduler hands the UI a core as soon as it wakes.
 */
public final class ThreadNiceness {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadNiceness.class);
    /** setpriority's "process" on Linux: a thread id, 0 for the calling thread. */
    private static final int PRIO_PROCESS = 0;
    private static final List<String> COMPILER_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");

    private ThreadNiceness() {
    }

    /** Sets the calling thread's niceness; false (and a line in the log) when the system refused it. */
    public static boolean setForCurrentThread(int niceness) {
        return set(0, niceness);
    }

    /**
     * Sets the niceness of the JVM's compiler threads; those the JVM adds later are made by them and
     * inherit it. Returns how many were changed.
     */
    public static int setForCompilerThreads(int niceness) {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        int changed = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                if (isCompiler(thread) && set(Integer.parseInt(thread.getFileName().toString()), niceness)) {
                    changed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("Compiler thread niceness not applied: {}", e.toString());
        }
        return changed;
    }

    private static boolean isCompiler(Path thread) {
        try {
            String name = Files.readString(thread.resolve("comm")).strip();
            return COMPILER_THREADS.stream().anyMatch(name::startsWith);
        } catch (IOException e) {
            return false; // the thread ended meanwhile
        }
    }

    private static boolean set(int thread, int niceness) {
        try {
            if (NativeLibrary.getInstance("c").getFunction("setpriority").invokeInt(new Object[] {PRIO_PROCESS, thread, niceness}) == 0) {
                return true;
            }
            LOG.info("Could not set a thread's niceness to {}", niceness);
        } catch (UnsatisfiedLinkError e) {
            // only how the threads share the processor depends on it
            LOG.info("Thread niceness not applied: {}", e.toString());
        }
        return false;
    }
}
