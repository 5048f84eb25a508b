package io.voxprint.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps libtorch's oneDNN convolutions on AVX2 code.
 *
 * <p>With libtorch 2.7.1 (oneDNN 3.7.1) on an AMD EPYC with AVX-512 (family 26), oneDNN's
 * {@code jit:avx512_core} direct convolution gave wrong outputs for inputs of a few seconds and more:
 * the first convolution of the fixture model was off by up to 1.4 on values of about 1.4, differently
 * with one or two threads, and some embeddings came out as NaN. The same convolutions on the same
 * processor are right with oneDNN's AVX2 code and in Python's torch 1.13.1 (oneDNN 2.6.3, also
 * {@code avx512_core}). oneDNN reads {@code ONEDNN_MAX_CPU_ISA} from the environment the first time it
 * picks its code, so it is set through {@link NativeEnvironment} before the engine starts. A limit the
 * user set ({@code ONEDNN_MAX_CPU_ISA} or the older {@code DNNL_MAX_CPU_ISA}) is left alone, and
 * {@code -Dvoxprint.onednn.maxCpuIsa=} (empty) keeps oneDNN's own choice. See docs/model.md.
 */
final class OneDnnInstructionLimit {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnnInstructionLimit.class);
    static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";
    static final String OLDER_VARIABLE = "DNNL_MAX_CPU_ISA";
    static final String PROPERTY = "voxprint.onednn.maxCpuIsa";
    static final String DEFAULT = "AVX2";
    private static boolean applied;

    private OneDnnInstructionLimit() {
    }

    /** Idempotent; must run before the first model call to have an effect. */
    static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        String limit = System.getProperty(PROPERTY, DEFAULT);
        if (limit.isBlank()) {
            return;
        }
        try {
            if (NativeEnvironment.get(OLDER_VARIABLE) == null && NativeEnvironment.setUnlessSet(VARIABLE, limit)) {
                LOG.debug("{}={} for libtorch's oneDNN", VARIABLE, limit);
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.warn("Could not set {}: on some processors with AVX-512 the model's numbers may be wrong: {}",
                    VARIABLE, e.toString());
        }
    }
}
