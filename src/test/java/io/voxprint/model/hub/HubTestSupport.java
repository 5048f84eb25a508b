package io.voxprint.model.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;

/** Shared fixtures: a model-like random file, fast retry settings, file listings. */
final class HubTestSupport {
    static final String REPO = "Jenthe/ECAPA2";
    static final String FILE = "ecapa2.pt";
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final String COMMIT2 = "89abcdef0123456789abcdef0123456789abcdef";
    static final Duration SHORT_LOCK = Duration.ofMillis(500);
    static final HubDownloader.Tuning FAST = new HubDownloader.Tuning(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
            Duration.ofMillis(10), Duration.ofSeconds(20));

    private HubTestSupport() {
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static HubConfig config(FakeHub hub, Path cache, String token) {
        return new HubConfig(hub.endpoint(), token, cache, false);
    }

    static HubConfig offline(Path cache) {
        return new HubConfig("http://127.0.0.1:9", null, cache, true);
    }

    static Path storage(Path cache) {
        return cache.resolve("models--Jenthe--ECAPA2");
    }

    /** Every path under {@code root}, relative, sorted; links are listed, not followed. */
    static java.util.List<String> tree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return java.util.List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
