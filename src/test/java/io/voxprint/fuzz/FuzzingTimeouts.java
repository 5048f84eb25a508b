package io.voxprint.fuzz;

import java.util.Locale;
import java.util.Set;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * In a fuzzing run ({@code JAZZER_FUZZ} set, as Jazzer reads it), a fuzz test's {@code @Timeout}
 * must bound each input, not the run. Jazzer already passes it to libFuzzer as {@code -timeout}, a
 * preemptive per-input timeout that stops the run and writes the input as a {@code timeout-*}
 * finding; but JUnit applies the same annotation to the one invocation that holds the whole
 * fuzzing run, so every run longer than the timeout ended in a false TimeoutException. This turns
 * JUnit's own timeouts off for fuzzing runs only (registered through
 * {@code META-INF/services}); ordinary test runs, fuzz tests' regression runs included (one
 * invocation per input there), keep them.
 */
public final class FuzzingTimeouts implements LauncherSessionListener {

    static final String TIMEOUT_MODE = "junit.jupiter.execution.timeout.mode";
    private static final Set<String> TRUE = Set.of("true", "1", "yes");

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (fuzzing() && System.getProperty(TIMEOUT_MODE) == null) {
            System.setProperty(TIMEOUT_MODE, "disabled");
        }
    }

    /** Jazzer's own test: the environment variable or system property {@code JAZZER_FUZZ} is true, 1 or yes. */
    static boolean fuzzing() {
        return isTrue(System.getenv("JAZZER_FUZZ")) || isTrue(System.getProperty("JAZZER_FUZZ"));
    }

    private static boolean isTrue(String value) {
        return value != null && TRUE.contains(value.toLowerCase(Locale.ROOT));
    }
}
