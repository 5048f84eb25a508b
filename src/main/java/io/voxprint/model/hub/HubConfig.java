package io.voxprint.model.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where and how to reach the Hugging Face Hub, resolved from the same environment variables as
 * Python's {@code huggingface_hub} so both share one cache and one login.
 *
 * @param endpoint        Hub base URL without a trailing slash
 * @param token           bearer token, or null for anonymous access
 * @param hubCache        the hub cache folder (holds {@code models--owner--name/})
 * @param offline         when true no network request is ever made
 * @param disableSymlinks {@code HF_HUB_DISABLE_SYMLINKS}: store real files in snapshots/ instead of links
 */
public record HubConfig(String endpoint, String token, Path hubCache, boolean offline, boolean disableSymlinks) {

    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    /** The values huggingface_hub reads as true (compared upper-cased). */
    private static final Set<String> TRUE_VALUES = Set.of("1", "ON", "YES", "TRUE");

    public HubConfig {
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = DEFAULT_ENDPOINT;
        }
        endpoint = stripTrailingSlashes(endpoint.trim());
        if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new HubException(HubException.Reason.LOCAL,
                    "The Hub endpoint '" + endpoint + "' (HF_ENDPOINT) must start with http:// or https://.");
        }
        token = cleanToken(token);
        if (hubCache == null) {
            throw new HubException(HubException.Reason.LOCAL, "No Hugging Face cache folder was configured.");
        }
    }

    public HubConfig(String endpoint, String token, Path hubCache, boolean offline) {
        this(endpoint, token, hubCache, offline, false);
    }

    /**
     * Reads HF_ENDPOINT, HF_TOKEN (then HUGGING_FACE_HUB_TOKEN, then the token file at HF_TOKEN_PATH or
     * $HF_HOME/token), HF_HUB_CACHE (then HUGGINGFACE_HUB_CACHE, $HF_HOME/hub, $XDG_CACHE_HOME/huggingface/hub,
     * ~/.cache/huggingface/hub), HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) and HF_HUB_DISABLE_SYMLINKS.
     *
     * @param env         the environment to read (inject a map in tests; {@code System.getenv()} in the app)
     * @param offlineFlag the application's own offline switch, added to HF_HUB_OFFLINE
     */
    public static HubConfig fromEnvironment(Map<String, String> env, boolean offlineFlag) {
        Path hfHome = hfHome(env);
        String token = firstNonBlank(env.get("HF_TOKEN"), env.get("HUGGING_FACE_HUB_TOKEN"));
        if (cleanToken(token) == null) {
            token = readTokenFile(tokenPath(env, hfHome));
        }
        boolean offline = offlineFlag || isTrue(env.get("HF_HUB_OFFLINE")) || isTrue(env.get("TRANSFORMERS_OFFLINE"));
        return new HubConfig(env.get("HF_ENDPOINT"), token, hubCache(env, hfHome), offline,
                isTrue(env.get("HF_HUB_DISABLE_SYMLINKS")));
    }

    /** The Hub cache folder huggingface_hub would use with this environment. */
    public static Path hubCache(Map<String, String> env) {
        return hubCache(env, hfHome(env));
    }

    private static Path hubCache(Map<String, String> env, Path hfHome) {
        String explicit = firstNonBlank(env.get("HF_HUB_CACHE"), env.get("HUGGINGFACE_HUB_CACHE"));
        return explicit != null ? expandUser(explicit, env) : hfHome.resolve("hub");
    }

    private static Path hfHome(Map<String, String> env) {
        String hfHome = firstNonBlank(env.get("HF_HOME"));
        if (hfHome != null) {
            return expandUser(hfHome, env);
        }
        String xdg = firstNonBlank(env.get("XDG_CACHE_HOME"));
        Path cacheRoot = xdg != null ? expandUser(xdg, env) : home(env).resolve(".cache");
        return cacheRoot.resolve("huggingface");
    }

    private static Path tokenPath(Map<String, String> env, Path hfHome) {
        String explicit = firstNonBlank(env.get("HF_TOKEN_PATH"));
        return explicit != null ? expandUser(explicit, env) : hfHome.resolve("token");
    }

    private static String readTokenFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // An unreadable token file means anonymous access, as in huggingface_hub; a 401 later explains itself.
            org.slf4j.LoggerFactory.getLogger(HubConfig.class).warn("Could not read Hugging Face token file {}", file, e);
            return null;
        }
    }

    static boolean isTrue(String value) {
        return value != null && TRUE_VALUES.contains(value.trim().toUpperCase(Locale.ROOT));
    }

    private static Path home(Map<String, String> env) {
        String home = firstNonBlank(env.get("HOME"));
        return Path.of(home != null ? home : System.getProperty("user.home"));
    }

    private static Path expandUser(String path, Map<String, String> env) {
        if (path.equals("~")) {
            return home(env);
        }
        if (path.startsWith("~/")) {
            return home(env).resolve(path.substring(2));
        }
        return Path.of(path);
    }

    /** Same cleaning as huggingface_hub: drop line breaks and surrounding spaces; empty means none. */
    private static String cleanToken(String token) {
        if (token == null) {
            return null;
        }
        String cleaned = token.replace("\r", "").replace("\n", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "HubConfig[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***") + ", hubCache="
                + hubCache + ", offline=" + offline + ", disableSymlinks=" + disableSymlinks + "]";
    }
}
