package io.voxprint.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes libtorch's OpenMP threads sleep, not spin, while they wait for work.
 *
 * <p>libgomp's threads spin between parallel regions by default. On a desktop where another program
 * keeps a core busy, a spinning thread takes the time slice its sibling needs to finish the region,
 * and a model call became many times slower (measured in docs/performance.md). libgomp reads
 * {@code OMP_WAIT_POLICY} from the environment once, when libtorch loads it, so it is set through
 * {@link NativeEnvironment} before the engine starts. An {@code OMP_WAIT_POLICY} the user set is left
 * alone, and {@code -Dvoxprint.omp.waitPolicy=} (empty) keeps libgomp's default.
 */
final class OpenMpWaitPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(OpenMpWaitPolicy.class);
    static final String VARIABLE = "OMP_WAIT_POLICY";
    static final String PROPERTY = "voxprint.omp.waitPolicy";
    private static boolean applied;

    private OpenMpWaitPolicy() {
    }

    /** Idempotent; must run before libtorch is loaded to have an effect. */
    static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        String policy = System.getProperty(PROPERTY, "PASSIVE");
        if (policy.isBlank()) {
            return;
        }
        try {
            if (NativeEnvironment.setUnlessSet(VARIABLE, policy)) {
                LOG.debug("{}={} for libtorch's OpenMP threads", VARIABLE, policy);
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // only speed under contention depends on it
            LOG.info("Could not set {} (OpenMP threads will spin while waiting): {}", VARIABLE, e.toString());
        }
    }
}
