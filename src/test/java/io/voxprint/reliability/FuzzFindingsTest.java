package io.voxprint.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.audio.AudioException;
import io.voxprint.audio.AudioLoader;
import io.voxprint.fuzz.Contract;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audio inputs fuzzing found (committed as finding-* in the fuzz corpus), under a timeout that
 * also stops a decoder spinning without end: the fuzz tests' own timeout can only interrupt, so a
 * returning hang would block the build instead of failing it.
 */
class FuzzFindingsTest {
    static Stream<Path> findings() throws IOException {
        Path corpus = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"),
                "io/voxprint/fuzz/AudioFuzzTestInputs");
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(p -> p.getFileName().toString().startsWith("finding-")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("findings")
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void decodesOrRefusesInTime(Path finding) throws IOException {
        byte[] bytes = Files.readAllBytes(finding);
        try {
            float[] samples = new AudioLoader().load("finding", new ByteArrayInputStream(bytes)).samples();
            assertTrue(samples.length > 0);
        } catch (AudioException e) {
            Contract.assertNoFailedAllocation(e);
            Contract.assertOneSentence(e.getMessage(), "'finding'");
        }
    }
}
