package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.app.diarize.Conversations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voxprint diarize} and {@code voxprint der} as a user runs them: speakers enrolled through
 * the CLI with the trained LibriSpeech model, a test conversation diarized to JSON and RTTM, and the
 * DER the CLI reports checked against tools/reference/der_reference.py run on the same files.
 */
class DiarizeCliTest {
    @TempDir
    static Path home;
    private static Map<String, String> env;
    private static Conversations.Conversation conversation;

    @BeforeAll
    static void enroll() throws Exception {
        Conversations.build();
        env = CliRun.env(home);
        for (Map.Entry<String, List<Path>> e : Conversations.enrollment().entrySet()) {
            List<String> args = new ArrayList<>(List.of("enroll", "--model", model(), "--name", e.getKey()));
            e.getValue().forEach(p -> args.add(p.toString()));
            CliRun r = CliRun.run(env, args.toArray(String[]::new));
            assertEquals(0, r.exitCode, r.toString());
        }
        conversation = Conversations.all().stream().filter(c -> c.condition().equals("unknown")).findFirst().orElseThrow();
    }

    private static String model() {
        return Conversations.MODEL.toString();
    }

    @Test
    void diarizePrintsOneJsonObjectPerSegmentInTimeOrderAndTheSameSegmentsAsRttm() throws Exception {
        Path rttm = home.resolve("hyp.rttm");
        CliRun r = CliRun.run(env, "diarize", "--model", model(), "--rttm", rttm.toString(), conversation.wav().toString());
        assertEquals(0, r.exitCode, r.toString());
        List<JsonNode> lines = r.lines();
        assertTrue(lines.size() >= 5, r.toString());
        Set<String> enrolled = Conversations.enrollment().keySet();
        double previousEnd = 0;
        for (JsonNode line : lines) {
            assertEquals(Set.of("file", "start", "end", "speaker", "known", "score"), fieldNames(line));
            assertEquals(conversation.wav().toString(), line.get("file").asText());
            assertTrue(line.get("start").asDouble() >= previousEnd - 1e-9, "time order: " + line);
            assertTrue(line.get("end").asDouble() > line.get("start").asDouble());
            previousEnd = line.get("end").asDouble();
            String speaker = line.get("speaker").asText();
            assertEquals(enrolled.contains(speaker), line.get("known").asBoolean(), line.toString());
            assertTrue(enrolled.contains(speaker) || speaker.matches("unknown-\\d+"), speaker);
        }
        assertTrue(lines.stream().anyMatch(l -> !l.get("known").asBoolean()), "the voice nobody enrolled is unknown");
        List<String> rttmLines = Files.readAllLines(rttm);
        assertEquals(lines.size(), rttmLines.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = rttmLines.get(i).split(" ");
            assertEquals(10, f.length, rttmLines.get(i));
            assertEquals("SPEAKER", f[0]);
            assertEquals(conversation.name(), f[1]);
            assertEquals(lines.get(i).get("start").asDouble(), Double.parseDouble(f[3]), 1e-3);
            assertEquals(lines.get(i).get("end").asDouble() - lines.get(i).get("start").asDouble(), Double.parseDouble(f[4]), 2e-3);
            assertEquals(lines.get(i).get("speaker").asText(), f[7]);
        }
        assertTrue(r.err.contains("segments"), "a summary on stderr: " + r.err);
    }

    @Test
    void derMatchesThePythonReferenceOnTheDiarizedConversation() throws Exception {
        Path rttm = home.resolve("for-der.rttm");
        assertEquals(0, CliRun.run(env, "diarize", "--model", model(), "--rttm", rttm.toString(),
                conversation.wav().toString()).exitCode);
        for (List<String> options : List.<List<String>>of(List.of(), List.of("--collar", "0"),
                List.of("--collar", "0.5", "--skip-overlap"))) {
            List<String> args = new ArrayList<>(List.of("der", "--reference", conversation.rttm().toString(),
                    "--hypothesis", rttm.toString()));
            args.addAll(options);
            CliRun r = CliRun.run(env, args.toArray(String[]::new));
            assertEquals(0, r.exitCode, r.toString());
            JsonNode java = r.single();
            assertEquals(Set.of("der", "missed", "falseAlarm", "confusion", "scoredSeconds"), fieldNames(java));
            List<String> python = new ArrayList<>(List.of("/usr/bin/python3", "tools/reference/der_reference.py",
                    conversation.rttm().toString(), rttm.toString()));
            python.addAll(options.contains("--collar") ? options : List.of("--collar", "0.25"));
            Process p = new ProcessBuilder(python).directory(Conversations.ROOT.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
            JsonNode ref = new ObjectMapper().readTree(out);
            double scored = ref.get("scored").asDouble();
            assertEquals(ref.get("der").asDouble(), java.get("der").asDouble(), 1e-6, options.toString());
            assertEquals(ref.get("missed").asDouble() / scored, java.get("missed").asDouble(), 1e-6);
            assertEquals(ref.get("falseAlarm").asDouble() / scored, java.get("falseAlarm").asDouble(), 1e-6);
            assertEquals(ref.get("confusion").asDouble() / scored, java.get("confusion").asDouble(), 1e-6);
            assertEquals(scored, java.get("scoredSeconds").asDouble(), 1e-6);
        }
    }

    @Test
    void speakersAreGivenByCommasOrRepeatedAndTheFileIsNotTakenForAName() {
        String a = conversation.speakers().get(0);
        String b = conversation.speakers().get(1);
        for (String[] args : List.of(new String[] {"--speakers", a + "," + b}, new String[] {"--speakers", a, "--speakers", b})) {
            List<String> line = new ArrayList<>(List.of("diarize", "--model", model()));
            line.addAll(List.of(args));
            line.add(conversation.wav().toString());
            CliRun r = CliRun.run(env, line.toArray(String[]::new));
            assertEquals(0, r.exitCode, r.toString());
            assertTrue(r.lines().stream().filter(l -> l.get("known").asBoolean())
                    .allMatch(l -> Set.of(a, b).contains(l.get("speaker").asText())), r.out);
        }
    }

    @Test
    void badInputGetsOneSentence() {
        CliRun unknown = CliRun.run(env, "diarize", "--model", model(), "--speakers", "Nobody", conversation.wav().toString());
        assertEquals(2, unknown.exitCode);
        assertEquals("voxprint: No speaker named 'Nobody' is enrolled with the model in use.", unknown.err.strip());
        CliRun missing = CliRun.run(env, "der", "--reference", home.resolve("none.rttm").toString(), "--hypothesis",
                conversation.rttm().toString());
        assertEquals(2, missing.exitCode);
        assertEquals("voxprint: The RTTM file 'none.rttm' does not exist.", missing.err.strip());
        assertEquals("", missing.out);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
