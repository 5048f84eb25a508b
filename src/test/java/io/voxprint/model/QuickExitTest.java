package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.voxprint.store.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's end skips the JVM's exit sequence and with it the C library's exit handlers, which
 * run after the shutdown hooks: a child JVM's hook tells whether that sequence ran. Each case has
 * been seen to fail with QuickExit's call taken out.
 */
class QuickExitTest {
    @TempDir
    Path dir;

    @Test
    void endsWithTheStatusGivenWithoutTheJvmsExit() throws Exception {
        try (ChildJvm child = ChildJvm.start(QuickExitChild.class.getName(), List.of(), List.of("now", dir.resolve("exit-ran").toString()), Map.of())) {
            child.await("READY", 60);
            assertEquals(7, child.waitFor(60), child::output);
            assertFalse(child.output().contains("STILL HERE"), child::output);
            assertFalse(Files.exists(dir.resolve("exit-ran")), "the JVM's exit ran");
        }
    }

    @Test
    void aTerminatingSignalEndsWithTheShellsStatusWithoutTheJvmsExit() throws Exception {
        try (ChildJvm child = ChildJvm.start(QuickExitChild.class.getName(), List.of(), List.of("signals", dir.resolve("exit-ran").toString()), Map.of())) {
            child.await("READY", 60);
            child.terminate();
            assertEquals(128 + 15, child.waitFor(60), child::output);
            assertFalse(Files.exists(dir.resolve("exit-ran")), "the JVM's exit ran");
        }
    }
}
