package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.store.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instruction set {@code voxprint model tune} timed fastest: which candidates a processor has, how
 * the timings decide, and how later processes start with the verdict, below a user's own limit and the
 * convolution check's record (correctness before speed). No timing is asserted: the timings are given.
 */
class InstructionSetSpeedTest {

    @TempDir
    Path cache;

    @Test
    void avx2IsACandidateOnlyWhereOneDnnsOwnChoiceIsAvx512() {
        assertEquals(List.of("ALL", "AVX2"), InstructionSetSpeed.candidates("vendor_id: AuthenticAMD\nflags: fpu avx2 avx512f avx512bw"));
        assertEquals(List.of("ALL"), InstructionSetSpeed.candidates("vendor_id: GenuineIntel\nflags: fpu sse4_2 avx2 fma"));
        assertEquals(List.of("ALL"), InstructionSetSpeed.candidates(""));
    }

    @Test
    void aNarrowerSetIsKeptOnlyWhenItsMedianCallIsFivePercentFaster() {
        // medians: ALL 100; AVX2 94 (6 % faster), then 96 (4 % faster: noise, not a reason)
        Map<String, List<Double>> faster = timings(List.of(100.0, 130.0, 90.0), List.of(94.0, 80.0, 200.0));
        assertEquals("AVX2", InstructionSetSpeed.decide(faster, "m").fastest());
        assertEquals(Map.of("ALL", 100.0, "AVX2", 94.0), InstructionSetSpeed.decide(faster, "m").medianMillis());
        assertEquals("ALL", InstructionSetSpeed.decide(timings(List.of(100.0), List.of(96.0)), "m").fastest());
        assertEquals("ALL", InstructionSetSpeed.decide(timings(List.of(100.0, 102.0), List.of(150.0, 151.0)), "m").fastest());
        // an even count: the mean of the middle two (95 and 94.5 against 100)
        assertEquals("AVX2", InstructionSetSpeed.decide(timings(List.of(98.0, 102.0), List.of(93.0, 96.0)), "m").fastest());
        assertEquals("ALL", InstructionSetSpeed.decide(timings(List.of(98.0, 102.0), List.of(94.0, 97.0)), "m").fastest());
        // oneDNN's own choice left out (its convolutions were wrong there): the other wins by default
        assertEquals("AVX2", InstructionSetSpeed.decide(Map.of("AVX2", List.of(300.0)), "m").fastest());
        assertThrows(IllegalArgumentException.class, () -> InstructionSetSpeed.decide(Map.of("SSE41", List.of(1.0)), "m"));
        assertThrows(IllegalArgumentException.class, () -> InstructionSetSpeed.decide(Map.of("ALL", List.of()), "m"));
    }

    @Test
    void theVerdictIsKeptForThisProcessorAndADamagedOrForeignRecordIsIgnored() throws Exception {
        FactStore store = FactStore.in(cache);
        ProcessorKey here = ProcessorKey.ofThisMachine();
        assertEquals(Optional.empty(), store.fastestInstructionSet(here));
        store.rememberFastestInstructionSet(here, new InstructionSetSpeed.Verdict("AVX2", Map.of("ALL", 2.0, "AVX2", 1.0), "abc"));
        assertEquals(Optional.of("AVX2"), store.fastestInstructionSet(here));
        JsonNode written = new ObjectMapper().readTree(store.speedRecord(here).toFile());
        assertEquals(1.0, written.path("medianMillis").path("AVX2").asDouble());
        assertEquals("abc", written.path("modelSha256").asText());
        assertEquals(Optional.empty(), store.fastestInstructionSet(new ProcessorKey("vendor_id: Other", here.digest())),
                "the record names the processor it was made on");
        store.rememberFastestInstructionSet(here, new InstructionSetSpeed.Verdict("SSE41", Map.of(), "abc"));
        assertEquals(Optional.empty(), store.fastestInstructionSet(here), "not a set a tuning chooses");
        Files.writeString(store.speedRecord(here), "{\"format\":1,\"fastest\":");
        assertEquals(Optional.empty(), store.fastestInstructionSet(here));
    }

    @Test
    void laterProcessesStartWithTheVerdictBelowTheUsersLimitAndTheConvolutionRecord() throws Exception {
        FactStore store = FactStore.in(cache);
        ProcessorKey here = ProcessorKey.ofThisMachine();
        store.rememberFastestInstructionSet(here, new InstructionSetSpeed.Verdict("AVX2", Map.of(), "abc"));
        JsonNode tuned = modelInfo(Map.of());
        assertEquals("AVX2", tuned.path("onednnMaxCpuIsa").asText());
        assertEquals("tuned", tuned.path("onednnMaxCpuIsaFrom").asText());

        JsonNode users = modelInfo(Map.of("ONEDNN_MAX_CPU_ISA", "SSE41"));
        assertEquals("SSE41", users.path("onednnMaxCpuIsa").asText());
        assertEquals("user", users.path("onednnMaxCpuIsaFrom").asText());

        store.rememberProcessorLimit(here, OneDnnInstructionLimit.CHECKED_LIMIT, "test");
        JsonNode checked = modelInfo(Map.of());
        assertEquals("SSE41", checked.path("onednnMaxCpuIsa").asText(), "correctness before speed");
        assertEquals("record", checked.path("onednnMaxCpuIsaFrom").asText());
        assertEquals("onednn", checked.path("convolutions").asText());
    }

    private static Map<String, List<Double>> timings(List<Double> all, List<Double> avx2) {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        m.put("ALL", all);
        m.put("AVX2", avx2);
        return m;
    }

    private JsonNode modelInfo(Map<String, String> env) throws Exception {
        try (ChildJvm child = ChildJvm.start("io.voxprint.Main", List.of("-D" + FactStore.DIR_PROPERTY + "=" + cache),
                List.of("model", "info", "--model", Fixtures.CURRENT.toString(), "--db", cache.resolve("v.db").toString()), env)) {
            assertEquals(0, child.waitFor(120), child::output);
            String last = child.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no result line:\n" + child.output()));
            return new ObjectMapper().readTree(last);
        }
    }
}
