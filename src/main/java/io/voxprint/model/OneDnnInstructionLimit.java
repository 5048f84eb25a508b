package io.voxprint.model;

import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the instruction set libtorch's oneDNN may use, before the engine starts: oneDNN reads
 * {@code ONEDNN_MAX_CPU_ISA} from the environment the first time it generates code and never again,
 * so it is set through {@link NativeEnvironment}, and a process cannot change its mind later.
 *
 * <p>The default is {@value #DEFAULT}: oneDNN's own choice, the widest code the processor runs. Voxprint
 * ships libtorch 1.13.1 (oneDNN 2.6.3), whose AVX-512 and AVX2 convolutions were right on every shape
 * tried on an AMD EPYC of family 26, bit for bit equal to Python's torch 1.13.1 at AVX-512. The libtorch
 * builds DJL ships from 2.2.2 to 2.7.1 (oneDNN 3.3.2 to 3.7.1) are wrong on that processor at AVX-512
 * and AVX2 alike (docs/model.md), which is one reason Voxprint stays on 1.13.1.
 *
 * <p>The widest code is not always the fastest: where {@code voxprint model tune} timed another
 * instruction set faster ({@link InstructionSetSpeed}), that one is the default here.
 *
 * <p>Should a processor's oneDNN be wrong all the same (those later builds computed 3x3 convolutions
 * over channel counts that are not a multiple of the vector width wrong, and only their SSE4.1 code
 * was right), that is found
 * by {@link ConvolutionCheck} after the engine has started, too late for this process, which falls back
 * to libtorch's own convolutions; so the check records {@value #CHECKED_LIMIT} for this processor and
 * libtorch ({@link FactStore}, keyed by {@link ProcessorKey}), and the next process starts with it.
 * That process checks again: if even {@value #CHECKED_LIMIT} is wrong, the record says so and later
 * processes go back to the default and the fallback. On the stand-in model, a one-shot 3 s embed took
 * 9.6 s whole process with SSE4.1 against 12.4 s with the fallback (docs/model.md).
 *
 * <p>A limit the user set ({@code ONEDNN_MAX_CPU_ISA} or the older {@code DNNL_MAX_CPU_ISA}) is left
 * alone and never recorded over, as is {@code -Dvoxprint.onednn.maxCpuIsa=} (empty: oneDNN's own choice).
 */
final class OneDnnInstructionLimit {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnnInstructionLimit.class);
    static final String VARIABLE = "ONEDNN_MAX_CPU_ISA";
    static final String OLDER_VARIABLE = "DNNL_MAX_CPU_ISA";
    static final String PROPERTY = "voxprint.onednn.maxCpuIsa";
    /** oneDNN's word for no limit. */
    static final String DEFAULT = "ALL";
    /** The one level below the default whose convolutions were right where the default's were not. */
    static final String CHECKED_LIMIT = "SSE41";
    /** Recorded when even {@link #CHECKED_LIMIT} was wrong: back to the default, and the fallback. */
    static final String NO_LIMIT_HELPS = "";

    private static InstructionSetOrigin source = InstructionSetOrigin.NOT_APPLIED;
    private static String inEffect;
    private static Optional<String> recorded = Optional.empty();
    private static ProcessorKey processor;

    private OneDnnInstructionLimit() {
    }

    static boolean isKnownLimit(String value) {
        return Set.of(NO_LIMIT_HELPS, CHECKED_LIMIT, DEFAULT).contains(value);
    }

    /** Idempotent; must run before the engine starts to have an effect. */
    static synchronized void apply() {
        if (source != InstructionSetOrigin.NOT_APPLIED) {
            return;
        }
        try {
            String user = NativeEnvironment.get(VARIABLE);
            if (user == null) {
                user = NativeEnvironment.get(OLDER_VARIABLE);
            }
            if (user != null) {
                source = InstructionSetOrigin.USER;
                inEffect = user;
                return;
            }
            String property = System.getProperty(PROPERTY);
            String limit;
            if (property != null) {
                source = InstructionSetOrigin.PROPERTY;
                limit = property;
            } else {
                recorded = store().processorLimit(processor());
                if (recorded.isPresent()) {
                    // correctness before speed: the convolution check's record wins over a tuning
                    source = InstructionSetOrigin.RECORD;
                    limit = recorded.filter(r -> !r.equals(NO_LIMIT_HELPS)).orElse(DEFAULT);
                } else {
                    Optional<String> fastest = store().fastestInstructionSet(processor());
                    source = fastest.isPresent() ? InstructionSetOrigin.TUNED : InstructionSetOrigin.DEFAULT;
                    limit = fastest.orElse(DEFAULT);
                }
            }
            if (!limit.isBlank() && NativeEnvironment.setUnlessSet(VARIABLE, limit)) {
                inEffect = limit;
                LOG.debug("{}={} for libtorch's oneDNN ({})", VARIABLE, limit, source);
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            source = InstructionSetOrigin.DEFAULT;
            LOG.warn("Could not set {}: on some processors with AVX-512 the model's numbers may be wrong: {}",
                    VARIABLE, e.toString());
        }
    }

    /** Where {@link #inEffect()} came from. */
    static synchronized InstructionSetOrigin source() {
        return source;
    }

    /** The limit oneDNN runs under in this process, or null for its own choice. */
    static synchronized String inEffect() {
        return inEffect;
    }

    /**
     * Called by the convolution check when oneDNN's convolutions were wrong under the limit in effect:
     * records what the next process on this processor should start with. A user's own limit is theirs.
     */
    static synchronized void convolutionsWereWrong() {
        if (source == InstructionSetOrigin.USER || source == InstructionSetOrigin.PROPERTY || source == InstructionSetOrigin.NOT_APPLIED) {
            return;
        }
        if (CHECKED_LIMIT.equals(inEffect)) {
            store().rememberProcessorLimit(processor(), NO_LIMIT_HELPS, "oneDNN's convolutions were wrong even under " + CHECKED_LIMIT);
        } else if (recorded.isEmpty()) {
            store().rememberProcessorLimit(processor(), CHECKED_LIMIT, "oneDNN's convolutions were wrong under " + inEffect);
            LOG.info("The next start on this processor tries oneDNN under {}={}", VARIABLE, CHECKED_LIMIT);
        }
    }

    /** Read once: the record is looked up at start and written after the check, under the same key. */
    private static ProcessorKey processor() {
        if (processor == null) {
            processor = ProcessorKey.ofThisMachine();
        }
        return processor;
    }

    private static FactStore store() {
        return FactStore.forUser(System.getenv());
    }
}
