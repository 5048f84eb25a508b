package io.voxprint.model.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubConfigTest {
    @TempDir
    Path home;

    @Test
    void cacheFolderFollowsHuggingfaceHubPrecedence() {
        Map<String, String> base = Map.of("HOME", home.toString());
        assertEquals(home.resolve(".cache/huggingface/hub"), HubConfig.fromEnvironment(base, false).hubCache());
        assertEquals(Path.of("/x/huggingface/hub"),
                HubConfig.fromEnvironment(Map.of("HOME", home.toString(), "XDG_CACHE_HOME", "/x"), false).hubCache());
        assertEquals(Path.of("/h/hub"), HubConfig.fromEnvironment(
                Map.of("HOME", home.toString(), "XDG_CACHE_HOME", "/x", "HF_HOME", "/h"), false).hubCache());
        assertEquals(Path.of("/legacy"), HubConfig.fromEnvironment(
                Map.of("HF_HOME", "/h", "HUGGINGFACE_HUB_CACHE", "/legacy"), false).hubCache());
        assertEquals(Path.of("/c"), HubConfig.fromEnvironment(
                Map.of("HF_HOME", "/h", "HUGGINGFACE_HUB_CACHE", "/legacy", "HF_HUB_CACHE", "/c"), false).hubCache());
        assertEquals(home.resolve("hfhome/hub"), HubConfig.fromEnvironment(
                Map.of("HOME", home.toString(), "HF_HOME", "~/hfhome"), false).hubCache());
    }

    @Test
    void tokenComesFromHfTokenThenTheSavedLogin() throws Exception {
        Path hfHome = Files.createDirectories(home.resolve("hf"));
        assertNull(HubConfig.fromEnvironment(Map.of("HF_HOME", hfHome.toString()), false).token());
        Files.writeString(hfHome.resolve("token"), "hf_fromfile\n");
        assertEquals("hf_fromfile", HubConfig.fromEnvironment(Map.of("HF_HOME", hfHome.toString()), false).token());
        assertEquals("hf_env", HubConfig.fromEnvironment(
                Map.of("HF_HOME", hfHome.toString(), "HF_TOKEN", " hf_env "), false).token());
        assertEquals("hf_legacy", HubConfig.fromEnvironment(
                Map.of("HF_HOME", hfHome.toString(), "HUGGING_FACE_HUB_TOKEN", "hf_legacy"), false).token());
        Files.writeString(home.resolve("elsewhere"), "hf_path");
        assertEquals("hf_path", HubConfig.fromEnvironment(
                Map.of("HF_HOME", hfHome.toString(), "HF_TOKEN_PATH", home.resolve("elsewhere").toString()), false).token());
        HubConfig withToken = HubConfig.fromEnvironment(Map.of("HF_HOME", hfHome.toString()), false);
        assertFalse(withToken.toString().contains("hf_fromfile"));
    }

    @Test
    void offlineAndEndpointAreReadLikePython() {
        Map<String, String> h = Map.of("HF_HOME", home.toString());
        assertFalse(HubConfig.fromEnvironment(h, false).offline());
        assertTrue(HubConfig.fromEnvironment(h, true).offline());
        for (String yes : new String[] {"1", "true", "ON", "yes"}) {
            assertTrue(HubConfig.fromEnvironment(Map.of("HF_HOME", "/h", "HF_HUB_OFFLINE", yes), false).offline(), yes);
        }
        assertFalse(HubConfig.fromEnvironment(Map.of("HF_HOME", "/h", "HF_HUB_OFFLINE", "0"), false).offline());
        assertTrue(HubConfig.fromEnvironment(Map.of("HF_HOME", "/h", "TRANSFORMERS_OFFLINE", "1"), false).offline());
        assertEquals("https://huggingface.co", HubConfig.fromEnvironment(h, false).endpoint());
        assertEquals("http://mirror:8080", HubConfig.fromEnvironment(
                Map.of("HF_HOME", "/h", "HF_ENDPOINT", "http://mirror:8080/"), false).endpoint());
        assertTrue(HubConfig.fromEnvironment(Map.of("HF_HOME", "/h", "HF_HUB_DISABLE_SYMLINKS", "1"), false).disableSymlinks());
        HubException bad = assertThrows(HubException.class,
                () -> HubConfig.fromEnvironment(Map.of("HF_HOME", "/h", "HF_ENDPOINT", "mirror:8080"), false));
        assertTrue(bad.getMessage().contains("HF_ENDPOINT"));
    }

    @Test
    void etagsAreNormalisedAsHuggingfaceHubDoes() {
        assertEquals("abc", HubHttp.normalizeEtag("\"abc\""));
        assertEquals("abc", HubHttp.normalizeEtag("W/\"abc\""));
        assertEquals("abc", HubHttp.normalizeEtag("abc"));
        assertNull(HubHttp.normalizeEtag(null));
    }
}
