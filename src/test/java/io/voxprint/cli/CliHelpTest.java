package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} on any command prints that command's usage on stdout and succeeds, required options or not. */
class CliHelpTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"verify", "enroll", "identify", "eval", "embed", "features", "calibrate", "audit",
        "speakers", "speakers rename", "speakers export", "model", "model info"})
    void helpOfEverySubcommandPrintsItsUsageAndExitsZero(String command) {
        String[] words = command.split(" ");
        for (String option : new String[] {"--help", "-h"}) {
            String[] args = new String[words.length + 1];
            System.arraycopy(words, 0, args, 0, words.length);
            args[words.length] = option;
            CliRun r = CliRun.run(CliRun.env(home), args);
            assertEquals(0, r.exitCode, r.toString());
            assertTrue(r.out.startsWith("Usage: voxprint " + command + " "), r.toString());
            assertFalse(r.err.contains("Missing required"), r.toString());
        }
    }
}
