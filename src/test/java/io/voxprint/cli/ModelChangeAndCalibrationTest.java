package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeddings never cross models; kept audio re-enrolls; calibration turns scores into llrs. */
class ModelChangeAndCalibrationTest {
    private static final String CURRENT = CliRun.FIXTURE_MODEL.toString();
    private static final String LEGACY = CliRun.RESOURCES.resolve("model/model-legacy-fixture.pt").toString();

    @TempDir
    Path home;

    private static String e2e(String name) {
        return CliRun.E2E.resolve(name).toString();
    }

    private void enroll(Map<String, String> env, String model, boolean keepAudio, String who) {
        List<String> args = new ArrayList<>(List.of("enroll", "--model", model, "--name", who));
        if (keepAudio) {
            args.add("--keep-audio");
        }
        for (int i = 1; i <= 3; i++) {
            args.add(e2e(who + "-" + i + ".wav"));
        }
        CliRun r = CliRun.run(env, args.toArray(String[]::new));
        assertEquals(0, r.exitCode, r.toString());
    }

    @Test
    void aModelChangeAsksForReEnrollmentAndKeptAudioProvidesIt() {
        Map<String, String> env = CliRun.env(home);
        enroll(env, CURRENT, true, "alice");
        enroll(env, CURRENT, false, "bob");

        CliRun other = CliRun.run(env, "verify", "--model", LEGACY, "--name", "alice", e2e("alice-4.wav"));
        assertEquals(VoxprintCli.ERROR, other.exitCode, "embeddings of another model are never compared");
        assertTrue(other.err.contains("different model"), other.toString());

        CliRun reenroll = CliRun.run(env, "speakers", "reenroll", "--model", LEGACY, "--all");
        assertEquals(VoxprintCli.ERROR, reenroll.exitCode, "bob's audio was not kept: " + reenroll);
        assertTrue(reenroll.err.contains("'bob'") && reenroll.err.contains("not kept"), reenroll.err);

        CliRun alice = CliRun.run(env, "speakers", "reenroll", "--model", LEGACY, "alice");
        assertEquals(0, alice.exitCode, alice.toString());
        assertEquals(3, alice.single().get("reembedded").asInt());

        CliRun verified = CliRun.run(env, "verify", "--model", LEGACY, "--name", "alice", "--threshold", "0",
                e2e("alice-4.wav"));
        assertEquals(0, verified.exitCode, verified.toString());
        CliRun original = CliRun.run(env, "verify", "--model", CURRENT, "--name", "alice", "--threshold", "0",
                e2e("alice-4.wav"));
        // Both fixtures hold the same network: the score must not depend on which interface made it.
        assertEquals(original.single().get("score").asDouble(), verified.single().get("score").asDouble(), 1e-4);
    }

    @Test
    void calibrationOnEnrolledSpeakersGivesLlrsAndTheDefaultThreshold() {
        Map<String, String> env = CliRun.env(home);
        for (String who : List.of("alice", "bob", "carol")) {
            enroll(env, CURRENT, false, who);
        }
        CliRun cal = CliRun.run(env, "calibrate", "--model", CURRENT, "--far", "0.2");
        assertEquals(0, cal.exitCode, cal.toString());
        JsonNode c = cal.single();
        assertEquals(3 * 3, c.get("targetTrials").asInt(), "each enrollment against its own speaker's others");
        assertEquals(3 * 3 * 2, c.get("nonTargetTrials").asInt(), "each enrollment against two other speakers");
        assertTrue(c.get("a").asDouble() > 0, "a higher score means more likely the same speaker");
        assertTrue(c.has("farThreshold"));

        CliRun v = CliRun.run(env, "verify", "--model", CURRENT, "--name", "alice", e2e("alice-4.wav"));
        JsonNode line = v.single();
        assertEquals(c.get("eerThreshold").asDouble(), line.get("threshold").asDouble(), 1e-12,
                "the calibrated EER threshold is the default");
        double expectedLlr = c.get("a").asDouble() * line.get("score").asDouble() + c.get("b").asDouble();
        assertEquals(expectedLlr, line.get("llr").asDouble(), 1e-9);
        assertEquals(line.get("accepted").asBoolean() ? 0 : 1, v.exitCode);
    }
}
