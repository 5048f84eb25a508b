package io.voxprint.model.hub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a file of a Hub repository is asked for and with which headers, as huggingface_hub asks. */
final class HubRequests {
    private final HubConfig config;

    HubRequests(HubConfig config) {
        this.config = config;
    }

    Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", userAgent());
        // As huggingface_hub: no compression, so Content-Length is the file's real size.
        h.put("Accept-Encoding", "identity");
        if (config.token() != null) {
            h.put("Authorization", "Bearer " + config.token());
        }
        return h;
    }

    static String userAgent() {
        String version = HubRequests.class.getPackage().getImplementationVersion();
        return "voxprint/" + (version != null ? version : "dev") + "; java/" + System.getProperty("java.version")
                + "; " + System.getProperty("os.name", "unknown").toLowerCase(java.util.Locale.ROOT);
    }

    /** {endpoint}/{repo_id}/resolve/{revision}/{filename}, quoted as huggingface_hub's hf_hub_url quotes them. */
    URI resolveUrl(String repoId, String filename, String revision) {
        return URI.create(config.endpoint() + "/" + repoId + "/resolve/" + quote(revision, "") + "/" + quote(filename, "/"));
    }

    /** Python's urllib.parse.quote: keeps letters, digits, "_.-~" and the safe characters; UTF-8 percent-encodes the rest. */
    static String quote(String s, String safe) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_.-~".indexOf(c) >= 0 || (c < 128 && safe.indexOf(c) >= 0);
            if (keep) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String revisionOrMain(String revision) {
        return revision == null || revision.isBlank() ? "main" : revision;
    }
}
