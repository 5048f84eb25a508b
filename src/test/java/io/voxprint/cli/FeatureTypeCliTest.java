package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code features --type} against an older-card model that answers 'mean' and 'std' per utterance and
 * the undocumented 'var' frame by frame (tools/fixtures/make_typed_legacy_model.py).
 */
class FeatureTypeCliTest {
    private static final String MODEL = CliRun.RESOURCES.resolve("model/typed-legacy-fixture.pt").toString();
    private static final String WAV = CliRun.E2E.resolve("alice-1.wav").toString();

    @TempDir
    Path home;

    private CliRun features(String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"features", "--model", MODEL, "--label", "gfe1"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        args[args.length - 1] = WAV;
        return CliRun.run(CliRun.env(home), args);
    }

    private static void assertShapeDescribesValues(JsonNode line, long channels) {
        assertEquals(2, line.get("shape").size(), line.toString());
        assertEquals(1, line.get("shape").get(0).asLong());
        assertEquals(channels, line.get("shape").get(1).asLong());
        assertEquals(channels, line.get("values").size());
    }

    @Test
    void withoutATypeTheMeanIsPrintedWithAShapeThatDescribesItsValues() {
        CliRun r = features();
        assertEquals(0, r.exitCode, r.toString());
        assertShapeDescribesValues(r.single(), 6);
    }

    @Test
    void aDocumentedTypeIsPassedThroughAndNamed() {
        CliRun mean = features("--type", "mean");
        CliRun std = features("--type", "std");
        assertEquals(0, std.exitCode, std.toString());
        JsonNode line = std.single();
        assertShapeDescribesValues(line, 6);
        assertEquals("std", line.get("type").asText());
        // standard deviations of tanh outputs are positive and differ from the means
        assertTrue(line.get("values").get(0).asDouble() > 0);
        assertTrue(Math.abs(mean.single().get("values").get(0).asDouble() - line.get("values").get(0).asDouble()) > 1e-6);
    }

    @Test
    void aTypeAnsweredFrameByFrameGivesOneSentenceAndNoResult() {
        CliRun r = features("--type", "var");
        assertEquals(VoxprintCli.PARTIAL, r.exitCode, r.toString());
        assertTrue(r.out.isBlank(), r.out);
        assertTrue(r.err.contains("instead of the per-utterance [1, 6]"), r.err);
        assertEquals(1, r.err.lines().filter(l -> l.startsWith("voxprint:")).count(), r.err);
    }
}
