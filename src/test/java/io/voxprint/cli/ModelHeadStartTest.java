package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelHeadStartTest {

    @Test
    void commandsThatRunTheModelStartLibtorchAhead() {
        assertTrue(ModelHeadStart.runsTheModel(List.of("embed", "a.wav")));
        assertTrue(ModelHeadStart.runsTheModel(List.of("--db", "x.db", "verify", "--speaker", "alice", "a.wav")));
        assertTrue(ModelHeadStart.runsTheModel(List.of("identify", "a.wav")));
        assertTrue(ModelHeadStart.runsTheModel(List.of("enroll", "--name", "Ann", "a.wav")));
        assertTrue(ModelHeadStart.runsTheModel(List.of("model", "info")));
    }

    @Test
    void othersAndHelpDoNot() {
        assertFalse(ModelHeadStart.runsTheModel(List.of("speakers", "list")));
        assertFalse(ModelHeadStart.runsTheModel(List.of("model", "path")));
        assertFalse(ModelHeadStart.runsTheModel(List.of("model", "download")));
        assertFalse(ModelHeadStart.runsTheModel(List.of("verify", "--help")));
        assertFalse(ModelHeadStart.runsTheModel(List.of("--version")));
        assertFalse(ModelHeadStart.runsTheModel(List.of("audit")));
        assertFalse(ModelHeadStart.runsTheModel(List.of()), "the desktop starts it once its window shows");
    }
}
