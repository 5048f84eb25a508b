package io.voxprint.model.hub;

import static io.voxprint.model.hub.HubTestSupport.COMMIT;
import static io.voxprint.model.hub.HubTestSupport.FAST;
import static io.voxprint.model.hub.HubTestSupport.config;
import static io.voxprint.model.hub.HubTestSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocatorTest {
    @TempDir
    Path dir;
    Path cache;
    FakeHub hub;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
        cache = dir.resolve("hub");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private ModelLocator locator(Map<String, String> env) {
        return new ModelLocator(new HubDownloader(config(hub, cache, null), FAST), env);
    }

    @Test
    void sourcesAreTriedInOrder() throws Exception {
        Path explicit = Files.writeString(dir.resolve("a.pt"), "a");
        Path fromEnv = Files.writeString(dir.resolve("b.pt"), "b");
        Path settings = Files.writeString(dir.resolve("c.pt"), "c");
        hub.publish(ModelLocator.REPO_ID, "main", COMMIT, "ecapa2.pt", randomBytes(1000, 1));
        locator(Map.of()).download("main", null);
        Map<String, String> env = Map.of("VOXPRINT_MODEL", fromEnv.toString());

        assertEquals(new LocatedModel(explicit, "--model", null, null), locator(env).locate(explicit, settings, null).orElseThrow());
        assertEquals(new LocatedModel(fromEnv, "VOXPRINT_MODEL", null, null), locator(env).locate(null, settings, null).orElseThrow());
        assertEquals(new LocatedModel(settings, "settings", null, null), locator(Map.of()).locate(null, settings, null).orElseThrow());
        LocatedModel cached = locator(Map.of()).locate(null, null, null).orElseThrow();
        assertEquals("hub cache", cached.source());
        assertEquals("main", cached.revision());
        assertEquals(COMMIT, cached.commit());
        assertEquals(cache.resolve("models--Jenthe--ECAPA2/snapshots/" + COMMIT + "/ecapa2.pt"), cached.file());
    }

    @Test
    void aNamedFileThatIsMissingIsAnErrorNotAFallback() {
        Path missing = dir.resolve("missing.pt");
        HubException e = assertThrows(HubException.class, () -> locator(Map.of()).locate(missing, null, null));
        assertTrue(e.getMessage().contains("--model"), e.getMessage());
        HubException env = assertThrows(HubException.class,
                () -> locator(Map.of("VOXPRINT_MODEL", missing.toString())).locate(null, null, null));
        assertTrue(env.getMessage().contains("VOXPRINT_MODEL"), env.getMessage());
    }

    @Test
    void nothingCachedMeansNeedsDownloadAndTheOlderNameIsFound() throws Exception {
        assertEquals(Optional.empty(), locator(Map.of()).locate(null, null, "main"));
        byte[] old = randomBytes(1500, 2);
        hub.publish(ModelLocator.REPO_ID, "v1", COMMIT, "model.pt", old);

        LocatedModel got = locator(Map.of()).download("v1", null);
        assertEquals("hub download", got.source());
        assertTrue(got.file().endsWith("model.pt"));
        assertArrayEquals(old, Files.readAllBytes(got.file()));

        LocatedModel found = locator(Map.of()).locate(null, null, "v1").orElseThrow();
        assertEquals("hub cache", found.source());
        assertEquals(got.file(), found.file());
        assertEquals(Optional.empty(), locator(Map.of()).locate(null, null, "main"));
    }

    @Test
    void licenceNoticeNamesTermsAndLink() {
        assertTrue(ModelLicense.TEXT.contains("CC-BY-NC-4.0"));
        assertTrue(ModelLicense.TEXT.contains("non-commercial"));
        assertTrue(ModelLicense.TEXT.contains("https://huggingface.co/Jenthe/ECAPA2"));
    }
}
