package io.voxprint.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns libtorch's NNPACK off, as {@code torch.backends.nnpack.set_flags(False)} does in Python.
 *
 * <p>On processors NNPACK does not know (an AMD EPYC of family 26 here) every convolution call tries to
 * start it again and libtorch writes "Could not initialize NNPACK! Reason: Unsupported hardware." to
 * standard error, many lines per model call, into the output of command-line runs. Where NNPACK works,
 * the convolutions libtorch would give it go to oneDNN instead. DJL has no setter for it, so
 * {@code at::Context::setUserEnabledNNPACK(false)} is called through {@link LibtorchContext}.
 *
 * <p>libtorch 2.1 has no such setter, but there the attempt and its warning come once per process, not
 * per call. That one line still lands in a command's standard error, where users read Voxprint's own
 * messages, so with that libtorch c10's log level is raised to errors ({@code FLAGS_caffe2_log_level}),
 * unless the user asked for libtorch's messages with {@code TORCH_CPP_LOG_LEVEL}. libtorch's warnings are
 * written to standard error only, never to Voxprint's log, and say nothing a user of Voxprint can act on.
 */
final class NnpackSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(NnpackSwitch.class);
    /** c10's level for errors: INFO 0, WARNING 1, ERROR 2. */
    private static final int ERROR_LEVEL = 2;
    private static boolean applied;

    private NnpackSwitch() {
    }

    /** Idempotent; runs after the engine has loaded libtorch. */
    static synchronized void disable() {
        if (applied) {
            return;
        }
        applied = true;
        try {
            LibtorchContext.set("_ZN2at7Context20setUserEnabledNNPACKEb", false);
            LOG.debug("NNPACK disabled in libtorch");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debug("No NNPACK switch in this libtorch ({}); its warnings are kept off standard error", e.toString());
            quietWarnings();
        }
    }

    private static void quietWarnings() {
        if (System.getenv("TORCH_CPP_LOG_LEVEL") != null) {
            return;
        }
        try {
            LibtorchContext.setInt("libc10.so", "FLAGS_caffe2_log_level", ERROR_LEVEL);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // only libtorch's own warnings on standard error depend on it
            LOG.info("Could not quiet libtorch's warnings: {}", e.toString());
        }
    }
}
