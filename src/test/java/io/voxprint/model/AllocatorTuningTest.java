package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.ChildJvm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What glibc's allocator does with a tensor-sized block in a fresh process, with and without
 * {@link AllocatorTuning}. Each case is its own JVM: the allocator's thresholds move as a process
 * frees memory, so only a fresh one starts from glibc's defaults.
 */
class AllocatorTuningTest {

    @Test
    void aTensorSizedBlockStaysInTheHeapAndIsKeptAfterItIsFreed() throws Exception {
        assertNull(AllocatorTuning.userSetting(System.getenv()), "the test's environment sets glibc's allocator itself");
        long[] r = run(List.of(), Map.of());
        assertEquals(0, r[0], "the block was mapped on its own");
        assertTrue(r[1] >= AllocatorChild.BLOCK, () -> "only " + r[1] + " free bytes kept after the free");
    }

    @Test
    void withoutTheTuningGlibcMapsTheBlockOnItsOwn() throws Exception {
        long[] r = run(List.of("-D" + AllocatorTuning.PROPERTY + "=false"), Map.of());
        assertTrue(r[0] >= AllocatorChild.BLOCK, () -> "glibc's default mapped " + r[0] + " bytes");
    }

    @Test
    void theUsersOwnAllocatorSettingWins() throws Exception {
        long[] r = run(List.of(), Map.of("MALLOC_MMAP_THRESHOLD_", "1048576"));
        assertTrue(r[0] >= AllocatorChild.BLOCK, () -> "the user's 1 MB threshold was overridden: " + r[0] + " bytes mapped");
    }

    @Test
    void glibcTunablesForMallocCountAsTheUsersSetting() {
        assertEquals("GLIBC_TUNABLES", AllocatorTuning.userSetting(Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=0")));
        assertNull(AllocatorTuning.userSetting(Map.of("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX2")));
    }

    private static long[] run(List<String> jvmOptions, Map<String, String> env) throws Exception {
        try (ChildJvm child = ChildJvm.start(AllocatorChild.class.getName(), jvmOptions, List.of(), env)) {
            String line = child.await("RESULT ", 60);
            assertEquals(0, child.waitFor(60), child::output);
            String[] parts = line.substring("RESULT ".length()).trim().split(" ");
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        }
    }
}
