package io.voxprint.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tuning's processes as a user meets them when something goes wrong: a cancel ends the process
 * timing the model, and a process that fails becomes one sentence. (A tuning that runs to the end is
 * {@code ModelTuneTest}'s.)
 */
class InstructionSetTuningTest {
    private static final Path FIXTURE = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"),
            "model", "ecapa2-fixture.pt");

    @TempDir
    Path dir;

    @Test
    void aCancelEndsTheProcessTimingTheModel() {
        List<String> started = new ArrayList<>();
        InstructionSetTuning tuning = new InstructionSetTuning(FIXTURE, System.getenv(), 50);
        assertThrows(CancellationException.class, () -> tuning.tune(List.of("ALL", "AVX2"), 1, new InstructionSetTuning.Steps() {
            @Override
            public void starting(String isa, int done, int total) {
                started.add(isa);
            }

            @Override
            public boolean cancelled() {
                return !started.isEmpty();
            }
        }));
        assertEquals(List.of("ALL"), started, "nothing starts after the cancel");
        assertTrue(ProcessHandle.current().children().noneMatch(InstructionSetTuningTest::timesTheModel),
                "the child timing the model is gone");
    }

    /** From /proc: ProcessHandle.Info leaves out a command line as long as a test class path. */
    private static boolean timesTheModel(ProcessHandle child) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(child.pid()), "cmdline")).contains("time-calls");
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }

    @Test
    void aProcessThatFailsBecomesOneSentence() {
        InstructionSetTuning tuning = new InstructionSetTuning(dir.resolve("missing.pt"), System.getenv(), 1);
        ModelException e = assertThrows(ModelException.class,
                () -> tuning.tune(List.of("ALL", "AVX2"), 1, (isa, done, total) -> { }));
        assertEquals("Timing the model under ALL failed; the log has the details.", e.getMessage());
    }
}
