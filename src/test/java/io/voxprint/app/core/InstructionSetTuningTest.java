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
 * The tuning's processes: their calls alternate one by one, the order reversed every turn; and as a
 * user meets them when something goes wrong, a cancel ends every process timing the model, and a
 * process that fails becomes one sentence. (A tuning that runs to the end and records its verdict is
 * {@code ModelTuneTest}'s.)
 */
class InstructionSetTuningTest {
    private static final Path FIXTURE = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"),
            "model", "ecapa2-fixture.pt");

    @TempDir
    Path dir;

    @Test
    void theInstructionSetsTakeTurnsCallByCall() {
        List<String> loaded = new ArrayList<>();
        List<String> order = new ArrayList<>();
        InstructionSetTuning tuning = new InstructionSetTuning(FIXTURE, System.getenv(), 2);
        InstructionSetTuning.Timings timings = tuning.time(List.of("ALL", "AVX2"), 2, new InstructionSetTuning.Steps() {
            @Override
            public void loading(List<String> isas) {
                loaded.addAll(isas);
            }

            @Override
            public void starting(String isa, int done, int total) {
                order.add(isa + " " + done + "/" + total);
            }
        });
        assertEquals(List.of("ALL", "AVX2"), loaded);
        assertEquals(List.of("ALL 1/8", "AVX2 2/8", "AVX2 3/8", "ALL 4/8", "ALL 5/8", "AVX2 6/8", "AVX2 7/8", "ALL 8/8"), order);
        assertEquals(List.of("ALL", "AVX2"), List.copyOf(timings.millis().keySet()));
        for (List<Double> millis : timings.millis().values()) {
            assertEquals(4, millis.size(), timings::toString);
            assertTrue(millis.stream().allMatch(m -> m > 0), timings::toString);
        }
        assertEquals(64, timings.sha256().length(), timings::toString);
        assertTrue(ProcessHandle.current().children().noneMatch(InstructionSetTuningTest::timesTheModel),
                "no process timing the model is left");
    }

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
                "the children timing the model are gone");
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
