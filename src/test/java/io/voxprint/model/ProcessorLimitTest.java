package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.store.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the convolution check learns in one process reaches the next: where oneDNN's convolutions are
 * wrong at the default instruction set, the first process falls back to libtorch's own kernels and the
 * second starts oneDNN under SSE4.1 (checked again there); where they are right, nothing is recorded.
 * Every process's output equals Python's, whichever kernels it ran on.
 */
class ProcessorLimitTest {

    @TempDir
    Path cache;

    @Test
    void theNextProcessStartsWhereTheConvolutionsWereRight() throws Exception {
        JsonNode first = runChild(Map.of());
        JsonNode second = runChild(Map.of());
        FactStore store = FactStore.in(cache);
        Optional<String> record = store.processorLimit(ProcessorKey.ofThisMachine());
        if (first.get("kernels").asText().equals("LIBTORCH_FALLBACK")) {
            assertEquals(OneDnnInstructionLimit.DEFAULT, first.get("limit").asText());
            assertEquals(OneDnnInstructionLimit.CHECKED_LIMIT, second.get("limit").asText(), "the second process starts under the recorded limit");
            boolean rightThere = second.get("kernels").asText().equals("ONEDNN");
            assertEquals(rightThere ? Optional.of(OneDnnInstructionLimit.CHECKED_LIMIT) : Optional.of(OneDnnInstructionLimit.NO_LIMIT_HELPS), record,
                    "the record says whether the limit helped");
        } else {
            assertEquals("ONEDNN", first.get("kernels").asText());
            assertEquals(Optional.empty(), record, "nothing is recorded where oneDNN is right");
            assertEquals(first.get("limit"), second.get("limit"));
        }
    }

    @Test
    void aLimitTheUserSetIsLeftAloneAndNeverRecordedOver() throws Exception {
        JsonNode result = runChild(Map.of("ONEDNN_MAX_CPU_ISA", "AVX2"));
        assertEquals("AVX2", result.get("limit").asText());
        assertFalse(Files.exists(FactStore.in(cache).processorRecord(ProcessorKey.ofThisMachine())));
    }

    @Test
    void aRecordForAnotherProcessorOrADamagedOneIsIgnored() throws Exception {
        FactStore store = FactStore.in(cache);
        ProcessorKey here = ProcessorKey.ofThisMachine();
        store.rememberProcessorLimit(here, "SSE41", "test");
        assertEquals(Optional.of("SSE41"), store.processorLimit(here));
        ProcessorKey elsewhere = new ProcessorKey("vendor_id: Other", here.digest());
        assertEquals(Optional.empty(), store.processorLimit(elsewhere), "the record names the processor it was made on");
        store.rememberProcessorLimit(here, "AVX512_CORE_AMX", "not a limit this code records");
        assertEquals(Optional.empty(), store.processorLimit(here));
        Files.writeString(store.processorRecord(here), "{\"format\":1,\"processor\":");
        assertEquals(Optional.empty(), store.processorLimit(here));
    }

    @Test
    void theProcessorIsNamedByItsFirstEntryInCpuinfo() throws Exception {
        Path cpuinfo = cache.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\n"
                + "model name\t: AMD EPYC\nstepping\t: 1\ncache size\t: 1024 KB\nflags\t\t: fpu avx2\n\n"
                + "processor\t: 1\nvendor_id\t: GenuineIntel\n");
        assertEquals("vendor_id: AuthenticAMD\ncpu family: 26\nmodel: 2\nmodel name: AMD EPYC\nstepping: 1\nflags: fpu avx2",
                ProcessorKey.cpuInfo(cpuinfo));
        assertEquals("", ProcessorKey.cpuInfo(cache.resolve("missing")));
        assertTrue(ProcessorKey.ofThisMachine().description().matches("(?s).*libtorch \\d+\\.\\d+.*"),
                ProcessorKey.ofThisMachine()::description);
    }

    private JsonNode runChild(Map<String, String> env) throws Exception {
        try (ChildJvm child = ChildJvm.start(ConvolutionChild.class.getName(),
                List.of("-D" + FactStore.DIR_PROPERTY + "=" + cache), List.of(), env)) {
            String line = child.await("RESULT ", 120);
            assertEquals(0, child.waitFor(60), child::output);
            JsonNode result = new ObjectMapper().readTree(line.substring("RESULT ".length()));
            assertTrue(result.get("maxAbsDiff").asDouble() <= 1e-4, () -> "output differs from Python's: " + result);
            return result;
        }
    }
}
