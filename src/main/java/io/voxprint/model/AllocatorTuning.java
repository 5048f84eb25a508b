package io.voxprint.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets glibc's allocator keep the memory of freed tensors for the next ones.
 *
 * <p>A model call allocates and frees hundreds of activation tensors of one to thirty megabytes. With
 * glibc's defaults each of them is a fresh {@code mmap} and {@code munmap}, or its pages are trimmed
 * back to the kernel when freed, so every call faults in and zeroes the same memory again: on the
 * ECAPA2-sized stand-in, a quarter of a busy process's CPU time was the kernel's (docs/performance.md).
 * Raising the mmap threshold to its maximum (32 MB) and never trimming keeps those pages in the process;
 * eight files took 11 s instead of 14 to 15 s, in Python as in Voxprint, for about 50 MB more peak memory.
 * Both switches are needed together: either one alone, with the other at its default, was slower than
 * glibc's defaults (the fixed threshold stops glibc from raising the other one as it learns).
 *
 * <p>{@code mallopt} works at any time; it runs before libtorch loads so that the first call already
 * benefits. A user's own {@code MALLOC_*_} variables or {@code GLIBC_TUNABLES} malloc settings win, and
 * {@code -Dvoxprint.malloc.tune=false} keeps glibc's defaults.
 */
final class AllocatorTuning {
    private static final Logger LOG = LoggerFactory.getLogger(AllocatorTuning.class);
    static final String PROPERTY = "voxprint.malloc.tune";
    // mallopt's parameter numbers (malloc.h)
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** glibc's largest mmap threshold on 64-bit systems (HEAP_MAX_SIZE / 2); mallopt refuses more. */
    private static final int MMAP_THRESHOLD = 32 * 1024 * 1024;
    private static boolean applied;

    private AllocatorTuning() {
    }

    /** Idempotent. */
    static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return;
        }
        String userSetting = userSetting(System.getenv());
        if (userSetting != null) {
            LOG.debug("glibc's allocator keeps the user's setting ({})", userSetting);
            return;
        }
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            // the threshold first: setting it also stops glibc from adjusting the trim threshold itself
            boolean done = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD}) == 1
                    && mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, Integer.MAX_VALUE}) == 1;
            if (done) {
                LOG.debug("glibc's allocator: mmap threshold {} bytes, no trimming", MMAP_THRESHOLD);
            } else {
                LOG.info("glibc's allocator refused the settings for large tensors; model calls may be slower");
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // only speed depends on it (a C library without mallopt, or JNA unable to load)
            LOG.info("Could not tune the C library's allocator for large tensors: {}", e.toString());
        }
    }

    /** The user's own allocator setting in {@code environment}, or null. */
    static String userSetting(Map<String, String> environment) {
        for (String name : new String[] {"MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_"}) {
            if (environment.get(name) != null) {
                return name;
            }
        }
        String tunables = environment.get("GLIBC_TUNABLES");
        return tunables != null && tunables.contains("glibc.malloc.") ? "GLIBC_TUNABLES" : null;
    }
}
