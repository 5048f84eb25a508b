package io.voxprint.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFileTest {
    @TempDir
    Path dataDir;

    private static Calibration calibration(String sha) {
        return new Calibration(sha, 12.5, -4.0, 0.05, 0.42, 10, 90, "test", "2026-01-01T00:00:00Z");
    }

    @Test
    void aWrittenCalibrationReadsBackEqual() {
        CalibrationFile file = new CalibrationFile(dataDir);
        file.write(calibration("abc"));
        assertEquals(calibration("abc"), file.read("abc").orElseThrow());
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileBehind() throws IOException {
        // A non-empty folder where the file should go: the final move fails after the temp file is written.
        Path blocker = Files.createDirectories(dataDir.resolve("calibration").resolve("abc.json"));
        Files.writeString(blocker.resolve("keep"), "x");
        CalibrationFile file = new CalibrationFile(dataDir);
        assertThrows(RuntimeException.class, () -> file.write(calibration("abc")));
        try (Stream<Path> left = Files.list(dataDir.resolve("calibration"))) {
            assertEquals(List.of(blocker), left.toList());
        }
        assertTrue(Files.isRegularFile(blocker.resolve("keep")));
    }
}
