package io.voxprint.model.hub;

import static io.voxprint.model.hub.HubTestSupport.FAST;
import static io.voxprint.model.hub.HubTestSupport.REPO;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Caches written by Python's huggingface_hub (recorded by tools/hf_cache_interop.py, which ran the real library
 * against the same FakeHub) are rebuilt entry by entry and must be reused by the Java code without downloading;
 * and the Java code must write exactly the same entries itself.
 */
class PythonCacheCompatTest {
    private static final String COMMIT = HubTestSupport.COMMIT;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"python-cache-0.30.2.json", "python-cache-0.36.0.json"})
    void aCacheLaidOutByPythonIsUsedWithoutDownloading(String fixture) throws IOException {
        JsonNode manifest = manifest(fixture);
        Path cache = dir.resolve("python");
        rebuild(manifest, cache);
        byte[] model = HubInteropMain.interopBytes();
        Path expected = cache.resolve("models--Jenthe--ECAPA2/snapshots/" + COMMIT + "/ecapa2.pt");

        try (FakeHub hub = new FakeHub()) {
            hub.publish(REPO, "main", COMMIT, "ecapa2.pt", model);

            HubFile cached = new HubDownloader(new HubConfig(hub.endpoint(), null, cache, true), FAST)
                    .cached(REPO, "ecapa2.pt", "main").orElseThrow();
            assertEquals(expected, cached.path());
            assertEquals(COMMIT, cached.commit());
            assertEquals(manifest.get("sha256").asText(), cached.etag());
            assertEquals(model.length, cached.size());

            HubFile offline = new HubDownloader(new HubConfig(hub.endpoint(), null, cache, true), FAST)
                    .download(REPO, "ecapa2.pt", "main", null);
            assertEquals(expected, offline.path());
            assertEquals(0, hub.requests().size());

            LocatedModel located = new ModelLocator(new HubConfig(hub.endpoint(), null, cache, true), Map.of())
                    .locate(null, null, "main").orElseThrow();
            assertEquals(new LocatedModel(expected, "hub cache", "main", COMMIT), located);

            HubFile online = new HubDownloader(new HubConfig(hub.endpoint(), null, cache, false), FAST)
                    .download(REPO, "ecapa2.pt", "main", null);
            assertFalse(online.downloaded());
            assertArrayEquals(model, Files.readAllBytes(online.path()));
            assertEquals(1, hub.requests("hub", "HEAD").size());
            assertEquals(0, hub.requests("cdn", "GET").size());
            assertEquals(describe(manifest), describe(cache));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"python-cache-0.30.2.json", "python-cache-0.36.0.json"})
    void javaWritesTheSameEntriesAsPython(String fixture) throws IOException {
        Path cache = dir.resolve("java");
        try (FakeHub hub = new FakeHub()) {
            hub.publish(REPO, "main", COMMIT, "ecapa2.pt", HubInteropMain.interopBytes());
            new HubDownloader(new HubConfig(hub.endpoint(), null, cache, false), FAST).download(REPO, "ecapa2.pt", "main", null);
        }
        assertEquals(describe(manifest(fixture)), describe(cache));
    }

    private static JsonNode manifest(String name) throws IOException {
        try (InputStream in = PythonCacheCompatTest.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** Recreates every directory, file and link the manifest lists; the big file from its seed, checked by sha256. */
    private static void rebuild(JsonNode manifest, Path root) throws IOException {
        for (JsonNode e : manifest.get("entries")) {
            Path p = root.resolve(e.get("path").asText());
            switch (e.get("type").asText()) {
                case "dir" -> Files.createDirectories(p);
                case "link" -> Files.createSymbolicLink(p, Path.of(e.get("target").asText()));
                case "file" -> {
                    if (e.has("text")) {
                        Files.writeString(p, e.get("text").asText(), StandardCharsets.UTF_8);
                    } else {
                        byte[] bytes = HubInteropMain.interopBytes();
                        assertEquals(e.get("sha256").asText(), FakeHub.sha256(bytes), "fixture bytes");
                        Files.write(p, bytes);
                    }
                }
                default -> throw new AssertionError(e.toString());
            }
        }
    }

    private static List<String> describe(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : manifest.get("entries")) {
            String type = e.get("type").asText();
            String detail = switch (type) {
                case "link" -> e.get("target").asText();
                case "file" -> e.has("text") ? "text:" + e.get("text").asText() : "sha256:" + e.get("sha256").asText();
                default -> "";
            };
            out.add(type + " " + e.get("path").asText() + " " + detail);
        }
        out.sort(null);
        return out;
    }

    private static List<String> describe(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(x -> !x.equals(root)).sorted()::iterator) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.add("link " + rel + " " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    out.add("dir " + rel + " ");
                } else if (Files.size(p) < 4096) {
                    out.add("file " + rel + " text:" + Files.readString(p, StandardCharsets.UTF_8));
                } else {
                    out.add("file " + rel + " sha256:" + HubDownloader.sha256(p));
                }
            }
        }
        out.sort(null);
        return out;
    }
}
