package io.voxprint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for {@link FuzzTimeoutTest}, run only in a child JVM (their names keep them out of
 * the ordinary test run): one whose every input is quick but whose whole run outlasts the
 * per-input timeout, and one that hangs.
 */
final class FuzzTimeoutFixtures {

    private FuzzTimeoutFixtures() {
    }

    /** Busy for {@code millis} without sleeping, so that an interrupt changes nothing. */
    static void busy(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    static class QuickInputs {
        @FuzzTest(maxDuration = "5s")
        @Timeout(value = 2, unit = TimeUnit.SECONDS)
        void quick(byte[] input) {
            busy(10);
        }
    }

    static class HangingInput {
        static volatile boolean forever = true;

        @FuzzTest(maxDuration = "60s")
        @Timeout(value = 2, unit = TimeUnit.SECONDS)
        void hang(byte[] input) {
            // the empty input and the first mutations pass; a few bytes in, the target never returns
            while (input.length >= 3 && forever) {
                Thread.onSpinWait();
            }
        }
    }
}
