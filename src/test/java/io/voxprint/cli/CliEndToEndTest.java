package io.voxprint.cli;

import io.voxprint.testing.PythonReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it, on the fixture model, against Python's numbers for the same files. */
class CliEndToEndTest {
    private static PythonReference python;
    private static String fixtureSha;

    @TempDir
    Path home;

    @BeforeAll
    static void loadReferences() throws Exception {
        python = new PythonReference();
        fixtureSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(CliRun.FIXTURE_MODEL)));
    }

    Map<String, String> env() {
        return CliRun.env(home);
    }

    private String model() {
        return CliRun.FIXTURE_MODEL.toString();
    }

    private static String e2e(String name) {
        return CliRun.E2E.resolve(name).toString();
    }

    @Test
    void embedMatchesPythonOnEveryFormatRateAndLayout() {
        String[] files = {"fmt-48k-stereo-s16.wav", "fmt-44k1-mono-s24.flac", "fmt-22k05-mono.mp3",
            "fmt-32k-stereo.ogg", "fmt-8k-mulaw.wav", "fmt-96k-3ch-f32.wav", "fmt-11k025-u8.wav", "alice-1.wav"};
        int[] rates = {48000, 44100, 22050, 32000, 8000, 96000, 11025, 16000};
        List<String> args = new ArrayList<>(List.of("embed", "--model", model()));
        for (String f : files) {
            args.add(e2e(f));
        }
        CliRun r = CliRun.run(env(), args.toArray(String[]::new));
        assertEquals(0, r.exitCode, r.toString());
        List<JsonNode> lines = r.lines();
        assertEquals(files.length, lines.size(), r.toString());
        for (int i = 0; i < files.length; i++) {
            JsonNode line = lines.get(i);
            assertEquals(e2e(files[i]), line.get("file").asText());
            assertEquals(rates[i], line.get("sampleRate").asInt(), files[i]);
            assertEquals(fixtureSha, line.get("model").asText());
            assertEquals(192, line.get("embedding").size());
            double[] java = new double[192];
            for (int k = 0; k < 192; k++) {
                java[k] = line.get("embedding").get(k).asDouble();
            }
            double cos = PythonReference.cosine(java, python.embedding(files[i]));
            assertTrue(cos >= 0.999, files[i] + ": cosine with Python " + cos);
            assertTrue(line.get("seconds").asDouble() > 0.5, files[i]);
        }
    }

    @Test
    void theOlderModelCardInterfaceGivesPythonsEmbeddingsToo() {
        String[] files = {"fmt-48k-stereo-s16.wav", "fmt-44k1-mono-s24.flac", "fmt-22k05-mono.mp3", "fmt-32k-stereo.ogg"};
        List<String> args = new ArrayList<>(List.of("embed", "--model",
                CliRun.RESOURCES.resolve("model/model-legacy-fixture.pt").toString()));
        for (String f : files) {
            args.add(e2e(f));
        }
        CliRun r = CliRun.run(env(), args.toArray(String[]::new));
        assertEquals(0, r.exitCode, r.toString());
        for (int i = 0; i < files.length; i++) {
            JsonNode e = r.lines().get(i).get("embedding");
            double[] java = new double[e.size()];
            for (int k = 0; k < java.length; k++) {
                java[k] = e.get(k).asDouble();
            }
            double cos = PythonReference.cosine(java, python.legacyEmbedding(files[i]));
            assertTrue(cos >= 0.999, files[i] + ": cosine with Python's extract_embedding " + cos);
        }
    }

    @Test
    void aDamagedDatabaseGetsOneSentenceAndStaysAsItWas() throws IOException {
        Path db = home.resolve("voxprint.db");
        byte[] junk = new byte[8192];
        new java.util.Random(7).nextBytes(junk);
        Files.write(db, junk);
        CliRun r = CliRun.run(env(), "enroll", "--model", model(), "--name", "alice", e2e("alice-1.wav"));
        assertEquals(VoxprintCli.ERROR, r.exitCode, r.toString());
        assertEquals(1, r.err.strip().split("\n").length, r.err);
        assertTrue(r.err.contains("damaged"), r.err);
        assertTrue(java.util.Arrays.equals(junk, Files.readAllBytes(db)), "the file is left untouched");
    }

    @Test
    void oneBadFileDoesNotStopTheOthers() throws IOException {
        Path garbage = home.resolve("garbage.wav");
        Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        CliRun r = CliRun.run(env(), "embed", "--model", model(), e2e("alice-1.wav"),
                home.resolve("missing.wav").toString(), garbage.toString(), e2e("bob-1.wav"));
        assertEquals(VoxprintCli.PARTIAL, r.exitCode, r.toString());
        assertEquals(2, r.lines().size());
        String[] errors = r.err.strip().split("\n");
        assertEquals(2, errors.length, r.err);
        for (String e : errors) {
            assertTrue(e.startsWith("voxprint: "), e);
            assertFalse(e.contains("Exception") || e.contains("\tat "), "no stack trace: " + e);
        }
        assertTrue(errors[0].contains("missing.wav"), errors[0]);
        assertTrue(errors[1].contains("garbage.wav"), errors[1]);
    }

    @Test
    void aFileThatIsNotAnEcapa2ModelGetsOneSentence() {
        CliRun r = CliRun.run(env(), "embed", "--model",
                CliRun.RESOURCES.resolve("model/not-ecapa2.pt").toString(), e2e("alice-1.wav"));
        assertEquals(VoxprintCli.ERROR, r.exitCode, r.toString());
        assertTrue(r.out.isBlank());
        assertEquals(1, r.err.strip().split("\n").length, r.err);
        assertTrue(r.err.contains("neither"), r.err);
    }

    @Test
    void noModelOfflineSaysWhatToDo() {
        CliRun r = CliRun.run(env(), "embed", e2e("alice-1.wav"));
        assertEquals(VoxprintCli.ERROR, r.exitCode, r.toString());
        assertTrue(r.err.contains("model download") && r.err.contains("--model"), r.err);
    }

    @Test
    void modelInfoReportsInterfaceLabelsAndShapes() {
        CliRun r = CliRun.run(env(), "model", "info", "--model", model());
        assertEquals(0, r.exitCode, r.toString());
        JsonNode info = r.single();
        assertEquals("current", info.get("interface").asText());
        assertEquals(fixtureSha, info.get("sha256").asText());
        assertEquals("--model", info.get("source").asText());
        List<String> labels = new ArrayList<>();
        info.get("features").forEach(f -> labels.add(f.get("label").asText()));
        assertEquals(List.of("gfe_1", "gfe_2", "pool", "attention", "embedding"), labels);
        // which kernels depends on the processor (docs/model.md); either way the convolution check ran
        assertTrue(List.of("onednn", "libtorch_fallback").contains(info.get("convolutions").asText()), info.toString());
        assertTrue(info.has("onednnMaxCpuIsa"), "the instruction-set limit oneDNN runs under is reported, null for none");
    }

    @Test
    void featuresPrintsEveryLabelWithItsShape() {
        CliRun r = CliRun.run(env(), "features", "--model", model(), "--label", "all", e2e("alice-1.wav"));
        assertEquals(0, r.exitCode, r.toString());
        List<JsonNode> lines = r.lines();
        assertEquals(5, lines.size());
        for (JsonNode l : lines) {
            long n = 1;
            for (JsonNode d : l.get("shape")) {
                n *= d.asLong();
            }
            assertEquals(n, l.get("values").size(), l.get("label").asText());
        }
        CliRun bad = CliRun.run(env(), "features", "--model", model(), "--label", "lfe9", e2e("alice-1.wav"));
        assertEquals(VoxprintCli.ERROR, bad.exitCode);
        assertTrue(bad.err.contains("lfe9"), bad.err);
    }

    private void enrollThree() {
        for (String who : List.of("alice", "bob", "carol")) {
            CliRun r = CliRun.run(env(), "enroll", "--model", model(), "--name", who,
                    e2e(who + "-1.wav"), e2e(who + "-2.wav"), e2e(who + "-3.wav"));
            assertEquals(0, r.exitCode, r.toString());
            JsonNode line = r.single();
            assertEquals(who, line.get("speaker").asText());
            assertEquals(3, line.get("enrollments").asInt());
        }
    }

    @Test
    void verifyScoresLikePythonAndDecidesOnTheThreshold() {
        enrollThree();
        double expected = PythonReference.cosine(python.embedding("alice-4.wav"),
                python.voiceprint("alice-1.wav", "alice-2.wav", "alice-3.wav"));

        CliRun accept = CliRun.run(env(), "verify", "--model", model(), "--name", "alice",
                "--threshold", Double.toString(expected - 0.002), e2e("alice-4.wav"));
        assertEquals(VoxprintCli.OK, accept.exitCode, accept.toString());
        JsonNode a = accept.single();
        assertEquals("alice", a.get("speaker").asText());
        assertEquals(expected, a.get("score").asDouble(), 1e-3);
        assertTrue(a.get("accepted").asBoolean());

        CliRun reject = CliRun.run(env(), "verify", "--model", model(), "--name", "alice",
                "--threshold", Double.toString(expected + 0.002), e2e("alice-4.wav"));
        assertEquals(VoxprintCli.REJECTED, reject.exitCode, reject.toString());
        assertFalse(reject.single().get("accepted").asBoolean());

        CliRun unknown = CliRun.run(env(), "verify", "--model", model(), "--name", "zed", e2e("alice-4.wav"));
        assertEquals(VoxprintCli.ERROR, unknown.exitCode);
        assertEquals("voxprint: No speaker named 'zed' is enrolled.", unknown.err.strip());

        CliRun audit = CliRun.run(env(), "audit");
        assertEquals(2, audit.lines().size(), audit.toString());
        assertEquals("rejected", audit.lines().get(0).get("result").asText());
    }

    @Test
    void identifyRanksSpeakersLikePython() {
        enrollThree();
        String probe = "bob-4.wav";
        Map<String, Double> expected = Map.of(
                "alice", PythonReference.cosine(python.embedding(probe), python.voiceprint("alice-1.wav", "alice-2.wav", "alice-3.wav")),
                "bob", PythonReference.cosine(python.embedding(probe), python.voiceprint("bob-1.wav", "bob-2.wav", "bob-3.wav")),
                "carol", PythonReference.cosine(python.embedding(probe), python.voiceprint("carol-1.wav", "carol-2.wav", "carol-3.wav")));
        List<String> ranking = expected.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();

        CliRun r = CliRun.run(env(), "identify", "--model", model(), "--top", "3", "--threshold", "0.0", e2e(probe));
        assertEquals(0, r.exitCode, r.toString());
        JsonNode line = r.single();
        List<String> got = new ArrayList<>();
        for (JsonNode c : line.get("candidates")) {
            got.add(c.get("speaker").asText());
            assertEquals(expected.get(c.get("speaker").asText()), c.get("score").asDouble(), 1e-3);
        }
        assertEquals(ranking, got);
        assertEquals(ranking.get(0), line.get("decision").asText());

        CliRun none = CliRun.run(env(), "identify", "--model", model(), "--threshold", "0.9999", e2e(probe));
        assertTrue(none.single().get("decision").isNull(), none.toString());
    }

    @Test
    void speakersCanBeListedRenamedExportedImportedAndDeleted() throws IOException {
        enrollThree();
        assertEquals(3, CliRun.run(env(), "speakers", "list").lines().size());
        assertEquals(0, CliRun.run(env(), "speakers", "rename", "carol", "Caroline").exitCode);
        Path archive = home.resolve("speakers.json");
        Path npy = home.resolve("speakers.npy");
        CliRun export = CliRun.run(env(), "speakers", "export", "--model", model(), "--plaintext", "--npy", npy.toString(),
                archive.toString());
        assertEquals(0, export.exitCode, export.toString());
        assertTrue(Files.size(archive) > 1000 && Files.size(npy) > 9 * 192 * 4);

        Map<String, String> other = CliRun.env(home.resolve("other"));
        Files.createDirectories(home.resolve("other"));
        CliRun imported = CliRun.run(other, "speakers", "import", "--model", model(), archive.toString());
        assertEquals(0, imported.exitCode, imported.toString());
        List<String> names = new ArrayList<>();
        CliRun.run(other, "speakers", "list").lines().forEach(l -> names.add(l.get("speaker").asText()));
        assertEquals(List.of("alice", "bob", "Caroline"), names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList());

        CliRun again = CliRun.run(other, "speakers", "import", "--model", model(), archive.toString());
        assertEquals(VoxprintCli.ERROR, again.exitCode, "a second import clashes on names");

        assertEquals(0, CliRun.run(env(), "speakers", "delete", "bob").exitCode);
        assertEquals(2, CliRun.run(env(), "speakers", "list").lines().size());
        CliRun gone = CliRun.run(env(), "verify", "--model", model(), "--name", "bob", e2e("bob-4.wav"));
        assertEquals(VoxprintCli.ERROR, gone.exitCode);
    }

    @Test
    void enrollmentIsAllOrNothing() throws IOException {
        Path garbage = home.resolve("broken.flac");
        Files.write(garbage, "fLaC but not really".getBytes());
        CliRun r = CliRun.run(env(), "enroll", "--model", model(), "--name", "dave", e2e("alice-1.wav"), garbage.toString());
        assertEquals(VoxprintCli.ERROR, r.exitCode, r.toString());
        assertTrue(CliRun.run(env(), "speakers", "list").lines().isEmpty(), "nothing was enrolled");
    }

    @Test
    void modelPathSaysWhereTheModelComesFrom() {
        CliRun r = CliRun.run(env(), "model", "path", "--model", model());
        assertEquals(0, r.exitCode, r.toString());
        assertEquals(model(), r.single().get("path").asText());
        Map<String, String> viaEnv = env();
        viaEnv.put("VOXPRINT_MODEL", model());
        assertEquals("VOXPRINT_MODEL", CliRun.run(viaEnv, "model", "path").single().get("source").asText());
        assertNotNull(CliRun.run(viaEnv, "model", "path").single().get("revision"));
    }
}
