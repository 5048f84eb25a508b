package io.voxprint.ui.common;

import io.voxprint.common.ThreadNiceness;

/**
 * The desktop's threads other than JavaFX's run at a lower priority: the model's, the JVM's compilers
 * and the background tasks. On two cores they shared a core with the FX thread between pulses, and
 * pulses came late: during an enrollment the compilers alone took 0.7 s of a core.
 * At niceness 5 each of them gets about a third of a core's share against a UI thread that wants it,
 * and everything the UI leaves.
 */
public final class BackgroundPriority {
    public static final int NICENESS = 5;

    private BackgroundPriority() {
    }

    /** Lowers the compiler threads' priority; call as the desktop starts. */
    public static void lowerCompilers() {
        ThreadNiceness.setForCompilerThreads(NICENESS);
    }
}
