package io.voxprint.model.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.cli.VoxprintCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voxprint model download} as a user runs it, against a Hub on 127.0.0.1 serving the fixture
 * model: the huggingface_hub cache layout, no second transfer, offline use, refusal of wrong bytes,
 * and resumption after a dropped connection.
 */
class CliModelDownloadTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));

    @TempDir
    Path home;

    private FakeHub hub;
    private byte[] model;
    private String sha;

    @BeforeEach
    void serveFixture() throws Exception {
        model = Files.readAllBytes(RESOURCES.resolve("model/ecapa2-fixture.pt"));
        sha = FakeHub.sha256(model);
        hub = new FakeHub();
        hub.publish("Jenthe/ECAPA2", "main", COMMIT, "ecapa2.pt", model);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("HF_HOME", home.resolve("hf").toString());
        env.put("HF_ENDPOINT", hub.endpoint());
        env.put("VOXPRINT_DB", home.resolve("voxprint.db").toString());
        return env;
    }

    private Path repoCache() {
        return home.resolve("hf/hub/models--Jenthe--ECAPA2");
    }

    private record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out.strip().split("\n")[0]);
        }
    }

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VoxprintCli.run(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void downloadLeavesTheHuggingFaceLayoutOnceAndWorksOfflineAfterwards() throws Exception {
        Run first = cli(env(), "model", "download");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("CC-BY-NC-4.0"), "licence shown before the download: " + first.err());
        assertEquals(sha, first.json().get("sha256").asText());
        assertTrue(first.json().get("downloaded").asBoolean());

        Path blob = repoCache().resolve("blobs").resolve(sha);
        Path snapshot = repoCache().resolve("snapshots").resolve(COMMIT).resolve("ecapa2.pt");
        assertEquals(sha, FakeHub.sha256(Files.readAllBytes(blob)), "blob content hashes to the served etag");
        assertTrue(Files.isSymbolicLink(snapshot));
        assertEquals(Path.of("../../blobs/" + sha), Files.readSymbolicLink(snapshot));
        assertEquals(COMMIT, Files.readString(repoCache().resolve("refs/main")).strip());
        assertEquals(1, hub.requests("cdn", "GET").size());

        Run second = cli(env(), "model", "download");
        assertEquals(0, second.code(), second.err());
        assertFalse(second.json().get("downloaded").asBoolean());
        assertEquals(1, hub.requests("cdn", "GET").size(), "the second run transfers nothing");

        hub.clearLog();
        Map<String, String> offline = env();
        offline.put("HF_HUB_OFFLINE", "1");
        Run embed = cli(offline, "embed", RESOURCES.resolve("e2e/alice-1.wav").toString());
        assertEquals(0, embed.code(), embed.err());
        assertEquals(sha, embed.json().get("model").asText());
        Run info = cli(offline, "model", "info");
        assertEquals("hub cache", info.json().get("source").asText());
        assertEquals(COMMIT, info.json().get("commit").asText());
        assertTrue(hub.requests().isEmpty(), "offline means no request at all");
    }

    @Test
    void bytesThatDoNotMatchTheEtagAreRefusedAndNothingIsSnapshotted() throws Exception {
        hub.etagOverride = "f".repeat(64);
        Run r = cli(env(), "model", "download");
        assertEquals(VoxprintCli.ERROR, r.code());
        assertTrue(r.out().isBlank());
        String[] errLines = r.err().strip().split("\n");
        assertTrue(errLines[errLines.length - 1].startsWith("voxprint: "), r.err());
        Path snapshots = repoCache().resolve("snapshots");
        if (Files.exists(snapshots)) {
            try (Stream<Path> s = Files.walk(snapshots)) {
                assertEquals(List.of(snapshots), s.toList(), "snapshots/ stays empty");
            }
        }
        assertFalse(Files.exists(repoCache().resolve("refs/main")));
    }

    @Test
    void anInterruptedDownloadResumesWhereItStopped() throws Exception {
        long cut = model.length / 2;
        hub.drops.add(cut);
        Run r = cli(env(), "model", "download");
        assertEquals(0, r.code(), r.err());
        List<FakeHub.Request> gets = hub.requests("cdn", "GET");
        assertEquals(2, gets.size(), "one interrupted transfer, one resumed");
        assertEquals("bytes=" + cut + "-", gets.get(1).range());
        assertTrue(hub.cdnBytesServed() < model.length + cut + 1, "the resumed transfer did not start over");
        assertEquals(sha, FakeHub.sha256(Files.readAllBytes(repoCache().resolve("blobs").resolve(sha))));
    }
}
