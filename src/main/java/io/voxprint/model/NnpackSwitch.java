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
 * {@code at::Context::setUserEnabledNNPACK(false)} is called through {@link LibtorchContext}; a libtorch
 * without that symbol leaves NNPACK as it is.
 */
final class NnpackSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(NnpackSwitch.class);
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
            // only libtorch's own warnings on standard error depend on it
            LOG.info("Could not disable NNPACK in libtorch: {}", e.toString());
        }
    }
}
