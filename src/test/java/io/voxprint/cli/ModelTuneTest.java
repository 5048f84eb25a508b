package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.store.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voxprint model tune} end to end on the fixture model: each instruction set timed in a process
 * of its own, the verdict recorded, and the next process starting under it. The timings themselves are
 * the machine's; the test recomputes the verdict from the printed ones.
 */
class ModelTuneTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void timesEachCandidateInItsOwnProcessAndTheNextProcessStartsUnderTheFastest() throws Exception {
        Path cache = home.resolve("cache");
        String untuned = runMain(cache, "model", "info", "--model", CliRun.FIXTURE_MODEL.toString(),
                "--db", home.resolve("v.db").toString());
        assertEquals("default", lastLine(untuned).path("onednnMaxCpuIsaFrom").asText(), untuned);
        // the hint only where there is something to choose: oneDNN would pick AVX-512 here
        assertEquals(hasAvx512(), untuned.contains(ModelCommand.Info.NOT_TUNED), untuned);

        JsonNode tune = lastLine(runMain(cache, "model", "tune", "--model", CliRun.FIXTURE_MODEL.toString(),
                "--candidates", "ALL,AVX2", "--calls", "2", "--rounds", "1"));
        List<Double> all = millis(tune, "ALL");
        List<Double> avx2 = millis(tune, "AVX2");
        assertEquals(2, all.size(), tune::toString);
        assertEquals(2, avx2.size(), tune::toString);
        assertTrue(all.stream().allMatch(m -> m > 0) && avx2.stream().allMatch(m -> m > 0), tune::toString);
        double medianAll = (all.get(0) + all.get(1)) / 2;
        double medianAvx2 = (avx2.get(0) + avx2.get(1)) / 2;
        String expected = medianAvx2 <= 0.95 * medianAll ? "AVX2" : "ALL";
        assertEquals(expected, tune.path("fastest").asText(), tune::toString);
        Path record = Path.of(tune.path("record").asText());
        assertTrue(record.startsWith(cache), record::toString);
        assertEquals(expected, JSON.readTree(record.toFile()).path("fastest").asText());

        String tuned = runMain(cache, "model", "info", "--model", CliRun.FIXTURE_MODEL.toString(),
                "--db", home.resolve("v.db").toString());
        JsonNode info = lastLine(tuned);
        assertEquals(expected, info.path("onednnMaxCpuIsa").asText(), info::toString);
        assertEquals("tuned", info.path("onednnMaxCpuIsaFrom").asText(), info::toString);
        assertTrue(!tuned.contains("voxprint model tune"), tuned);
    }

    /** Read here, not through the code under test: a "flags" line of /proc/cpuinfo naming avx512f and avx2. */
    private static boolean hasAvx512() throws Exception {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("flags"))
                .anyMatch(l -> List.of(l.split("\\s+")).containsAll(List.of("avx512f", "avx2")));
    }

    @Test
    void withoutAModelOrWithAnUnknownSetItSaysSoInOneSentenceAndRecordsNothing() throws Exception {
        Map<String, String> env = CliRun.env(home);
        CliRun none = CliRun.run(env, "model", "tune");
        assertEquals(VoxprintCli.ERROR, none.exitCode);
        assertEquals("voxprint: No ECAPA2 model is available yet; run 'voxprint model download' or pass --model FILE.",
                none.err.strip());
        CliRun unknown = CliRun.run(env, "model", "tune", "--model", CliRun.FIXTURE_MODEL.toString(), "--candidates", "ALL,SSE41");
        assertEquals(VoxprintCli.ERROR, unknown.exitCode);
        assertEquals("voxprint: SSE41 is not an instruction set Voxprint can tune to; use ALL or AVX2.", unknown.err.strip());
        CliRun zero = CliRun.run(env, "model", "tune", "--model", CliRun.FIXTURE_MODEL.toString(), "--calls", "0");
        assertEquals(VoxprintCli.ERROR, zero.exitCode);
        assertEquals("voxprint: --calls and --rounds must be at least 1.", zero.err.strip());
        assertTrue(none.out.isEmpty() && unknown.out.isEmpty() && zero.out.isEmpty());
    }

    private String runMain(Path cache, String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start("io.voxprint.Main", List.of("-Dvoxprint.cache.dir=" + cache),
                List.of(args), CliRun.env(home))) {
            assertEquals(0, child.waitFor(300), child::output);
            return child.output();
        }
    }

    private static JsonNode lastLine(String output) throws Exception {
        String last = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no result line:\n" + output));
        return JSON.readTree(last);
    }

    private static List<Double> millis(JsonNode tune, String isa) {
        List<Double> list = new ArrayList<>();
        tune.path("millis").path(isa).forEach(m -> list.add(m.asDouble()));
        return list;
    }
}
