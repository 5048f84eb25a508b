package io.voxprint.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diarization error rate against tools/reference/der_reference.py (numpy/scipy on a 1 ms grid,
 * written separately): collars, overlapping reference speech scored or skipped, empty hypothesis,
 * extra hypothesis speakers, more hypothesis than reference labels.
 */
class DiarizationScorerReferenceTest {
    private static final double EXACT = 1e-6;

    record Case(String name, JsonNode json) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        JsonNode root;
        try (InputStream in = DiarizationScorerReferenceTest.class.getResourceAsStream("der_reference.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Case> out = new ArrayList<>();
        root.properties().forEach(e -> out.add(new Case(e.getKey(), e.getValue())));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPartOfTheErrorMatchesTheReference(Case c) {
        DiarizationScorer scorer = new DiarizationScorer(c.json().get("collar").asDouble(),
                c.json().get("skipOverlap").asBoolean());
        DiarizationError e = scorer.score(segments(c.json().get("reference")), segments(c.json().get("hypothesis")));
        assertEquals(c.json().get("scored").asDouble(), e.scored(), EXACT, "scored");
        assertEquals(c.json().get("missed").asDouble(), e.missed(), EXACT, "missed");
        assertEquals(c.json().get("falseAlarm").asDouble(), e.falseAlarm(), EXACT, "false alarm");
        assertEquals(c.json().get("confusion").asDouble(), e.confusion(), EXACT, "confusion");
        assertEquals(c.json().get("der").asDouble(), e.der(), EXACT, "DER");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rttmWrittenAndReadBackScoresTheSame(Case c, @TempDir Path dir) throws IOException {
        Path ref = dir.resolve("ref.rttm");
        Path hyp = dir.resolve("hyp.rttm");
        write(ref, segments(c.json().get("reference")));
        write(hyp, segments(c.json().get("hypothesis")));
        DiarizationScorer scorer = new DiarizationScorer(c.json().get("collar").asDouble(),
                c.json().get("skipOverlap").asBoolean());
        DiarizationError e = scorer.score(Rttm.read(ref), Rttm.read(hyp));
        assertEquals(c.json().get("der").asDouble(), e.der(), EXACT, "DER through RTTM files");
    }

    @Test
    void rttmLinesHaveTheStandardTenFieldsAndOtherLinesAreSkipped(@TempDir Path dir) throws IOException {
        assertEquals("SPEAKER conv_1 1 1.250 2.000 <NA> <NA> Alice_B <NA> <NA>",
                Rttm.line("conv 1", new SpeakerSegment(1.25, 3.25, "Alice B")));
        Path file = dir.resolve("mixed.rttm");
        Files.writeString(file, ";; comment\nSPKR-INFO a 1 <NA> <NA> <NA> unknown x <NA>\n\n"
                + "SPEAKER a 1 0.5 1.5 <NA> <NA> x <NA> <NA>\nSPEAKER b 1 2 1 <NA> <NA> y <NA> <NA>\n");
        Map<String, List<SpeakerSegment>> read = Rttm.read(file);
        assertEquals(List.of(new SpeakerSegment(0.5, 2.0, "x")), read.get("a"));
        assertEquals(List.of(new SpeakerSegment(2.0, 3.0, "y")), read.get("b"));
    }

    @Test
    void badInputIsOneSentence(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.rttm");
        Files.writeString(file, "SPEAKER a 1 zero 1.5 <NA> <NA> x <NA> <NA>\n");
        ScoringException e = assertThrows(ScoringException.class, () -> Rttm.read(file));
        assertEquals("Line 1 of the RTTM file 'bad.rttm' has 'zero' where a number of seconds belongs.", e.getMessage());
        assertThrows(ScoringException.class, () -> Rttm.read(dir.resolve("missing.rttm")));
        assertThrows(ScoringException.class, () -> new DiarizationScorer(-1, false));
        DiarizationError none = new DiarizationScorer(0.25, false).score(List.of(), List.of());
        assertEquals(0, none.scored());
        assertTrue(Double.isNaN(none.der()));
    }

    private static void write(Path file, List<SpeakerSegment> segments) throws IOException {
        StringWriter w = new StringWriter();
        Rttm.write(w, "case", segments);
        Files.writeString(file, w.toString());
    }

    private static List<SpeakerSegment> segments(JsonNode array) {
        List<SpeakerSegment> out = new ArrayList<>();
        for (JsonNode s : array) {
            out.add(new SpeakerSegment(s.get(0).asDouble(), s.get(1).asDouble(), s.get(2).asText()));
        }
        return out;
    }
}
