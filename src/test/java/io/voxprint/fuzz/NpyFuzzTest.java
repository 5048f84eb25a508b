package io.voxprint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voxprint.scoring.AsNorm;
import io.voxprint.scoring.ScoringException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The .npy cohort reader ({@code AsNorm.readNpy}) under mutation: a float32 matrix that fits the
 * file, or one ScoringException sentence; never an allocation from the header's claimed shape or
 * header length. Seeds: files written by numpy and by Voxprint's own export.
 */
class NpyFuzzTest {
    private static Path dir;
    private static Path file;

    @BeforeAll
    static void folder() throws IOException {
        dir = Files.createTempDirectory("voxprint-npy-fuzz");
        file = dir.resolve("cohort.npy");
        // load and instrument the reader's classes now, so their cost is not counted against an input
        Files.write(file, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0, 0});
        try {
            AsNorm.readNpy(file);
        } catch (ScoringException expected) {
            // the header is empty
        }
    }

    @AfterAll
    static void clean() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void readNpy(byte[] input) throws IOException {
        Files.write(file, input);
        long before = Contract.allocatedBytes();
        try {
            float[][] rows = AsNorm.readNpy(file);
            long values = 0;
            for (float[] row : rows) {
                assertEquals(rows[0].length, row.length, "rows of one width");
                values += row.length;
            }
            assertTrue(values * 4 <= input.length, values + " values from " + input.length + " bytes");
        } catch (ScoringException e) {
            assertEquals(ScoringException.class, e.getClass());
            Contract.assertNoFailedAllocation(e);
            Contract.assertOneSentence(e.getMessage(), file.toString(), "cohort.npy");
        }
        long allocated = Contract.allocatedBytes() - before;
        // the matrix and its rows (the 4 MB read buffer is direct memory): what the file holds, not what it claims
        assertTrue(allocated <= (32L << 20) + 16L * input.length, "allocated " + allocated + " bytes for " + input.length);
    }
}
