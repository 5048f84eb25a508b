package io.voxprint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fuzz test's {@code @Timeout} bounds each input, not the fuzzing run: a run longer than the
 * timeout whose every input is quick passes, and an input that hangs still fails the run. Each
 * case fuzzes a target of {@link FuzzTimeoutFixtures} in a child JVM with {@code JAZZER_FUZZ=1},
 * through the same JUnit launcher Maven uses.
 */
class FuzzTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void aFuzzingRunLongerThanThePerInputTimeoutPasses() throws Exception {
        String out = fuzz("QuickInputs#quick(byte[])");
        assertTrue(out.contains("Done ") && out.contains(" failed=0\n"), out);
        assertTrue(!out.contains("TimeoutException"), out);
    }

    @Test
    void anInputThatHangsStillFailsTheRun() throws Exception {
        String out = fuzz("HangingInput#hang(byte[])");
        // libFuzzer's per-input timeout ends the run with its own exit code and keeps the input
        assertTrue(out.startsWith("exit 70\n"), out);
        assertTrue(out.contains("ERROR: libFuzzer: timeout after"), out);
        assertTrue(!out.contains("RESULT "), out);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> findings = files.filter(f -> f.getFileName().toString().startsWith("timeout-")).toList();
            assertEquals(1, findings.size(), out);
            assertTrue(Files.readAllBytes(findings.get(0)).length >= 3, "the kept input is one that hangs");
        }
    }

    /** The child's exit code and output; the run itself stops on its own (maxDuration or the timeout). */
    private String fuzz(String target) throws Exception {
        try (ChildJvm child = ChildJvm.start(FuzzRun.class.getName(), List.of("-Djazzer.internal.basedir=" + dir),
                List.of(FuzzTimeoutFixtures.class.getName() + "$" + target), Map.of("JAZZER_FUZZ", "1"))) {
            int rc = child.waitFor(300);
            return "exit " + rc + "\n" + child.output();
        }
    }
}
