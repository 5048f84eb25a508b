package io.voxprint.model.hub;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two HTTP exchanges of a Hub download. Uses HttpURLConnection because it has a read timeout on the body:
 * a stalled CDN transfer must fail (and resume) rather than hang for ever.
 */
final class HubHttp {
    private static final Logger LOG = LoggerFactory.getLogger(HubHttp.class);
    private static final int MAX_REDIRECTS = 10;

    /** What a HEAD on /resolve/ tells: the commit, the blob etag, its size, and where the bytes are. */
    record Metadata(String commit, String etag, long size, URI location) {
    }

    /** An open GET answer; {@code firstByte} is where the body starts in the file, {@code length} its length or -1. */
    record Body(int status, long firstByte, long length, InputStream stream, HttpURLConnection connection) implements AutoCloseable {
        @Override
        public void close() {
            try {
                stream.close();
            } catch (IOException e) {
                LOG.debug("Closing response body", e);
            }
            connection.disconnect();
        }
    }

    private final Duration connectTimeout;
    private final Duration readTimeout;

    HubHttp(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * HEAD without following redirects, except relative ones (a renamed repository answers with a relative
     * redirect to its new name; an absolute one points to the CDN and is where the bytes will be fetched).
     */
    Metadata head(URI url, Map<String, String> headers) throws IOException, HttpStatusException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection c = open(current, "HEAD", headers);
            try {
                int status = c.getResponseCode();
                LOG.debug("HEAD {} -> {}", current, status);
                boolean redirect = status >= 300 && status <= 399;
                if (!redirect && status >= 400) {
                    throw statusError(c, status, current);
                }
                String location = c.getHeaderField("Location");
                if (redirect && location != null) {
                    URI target = parse(location);
                    if (target.getRawAuthority() == null) {
                        // Same host: keep scheme, host and query, take the new path (as huggingface_hub does).
                        current = withPath(current, target.getRawPath());
                        continue;
                    }
                }
                String commit = c.getHeaderField("X-Repo-Commit");
                String linkedEtag = c.getHeaderField("X-Linked-Etag");
                String etag = normalizeEtag(linkedEtag != null ? linkedEtag : c.getHeaderField("ETag"));
                String linkedSize = c.getHeaderField("X-Linked-Size");
                // A redirect's Content-Length describes the redirect body, not the file.
                long size = parseLong(linkedSize != null ? linkedSize : redirect ? null : c.getHeaderField("Content-Length"));
                URI where = location != null && redirect ? current.resolve(parse(location)) : current;
                return new Metadata(commit, etag, size, where);
            } finally {
                c.disconnect();
            }
        }
        throw new IOException("More than " + MAX_REDIRECTS + " relative redirects from " + url);
    }

    /**
     * GET from {@code offset} (a Range request when above 0), following redirects; the Authorization header is
     * dropped as soon as a redirect leaves the original host, since CDN URLs are pre-signed.
     */
    Body get(URI url, Map<String, String> headers, long offset) throws IOException, HttpStatusException {
        URI current = url;
        Map<String, String> sent = new LinkedHashMap<>(headers);
        if (offset > 0) {
            sent.put("Range", "bytes=" + offset + "-");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpURLConnection c = open(current, "GET", sent);
            boolean handedOver = false;
            try {
                int status = c.getResponseCode();
                LOG.debug("GET {} (from byte {}) -> {}", current, offset, status);
                if (status >= 300 && status <= 399 && c.getHeaderField("Location") != null) {
                    URI next = current.resolve(parse(c.getHeaderField("Location")));
                    if (!sameAuthority(current, next)) {
                        sent.remove("Authorization");
                    }
                    current = next;
                    continue;
                }
                if (status >= 400) {
                    throw statusError(c, status, current);
                }
                long firstByte = 0;
                if (status == 206) {
                    firstByte = contentRangeStart(c.getHeaderField("Content-Range"));
                }
                Body body = new Body(status, firstByte, c.getContentLengthLong(), c.getInputStream(), c);
                handedOver = true;
                return body;
            } finally {
                if (!handedOver) {
                    c.disconnect();
                }
            }
        }
        throw new IOException("More than " + MAX_REDIRECTS + " redirects from " + url);
    }

    private HttpURLConnection open(URI url, String method, Map<String, String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setRequestMethod(method);
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
        c.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
        headers.forEach(c::setRequestProperty);
        return c;
    }

    private static HttpStatusException statusError(HttpURLConnection c, int status, URI url) {
        return new HttpStatusException(status, c.getHeaderField("X-Error-Code"), c.getHeaderField("X-Error-Message"),
                c.getHeaderField("X-Repo-Commit"), url.toString());
    }

    /** huggingface_hub's _normalize_etag: {@code etag.lstrip("W/").strip('"')}, character sets and all. */
    static String normalizeEtag(String etag) {
        if (etag == null) {
            return null;
        }
        int start = 0;
        while (start < etag.length() && (etag.charAt(start) == 'W' || etag.charAt(start) == '/')) {
            start++;
        }
        int end = etag.length();
        while (start < end && etag.charAt(start) == '"') {
            start++;
        }
        while (end > start && etag.charAt(end - 1) == '"') {
            end--;
        }
        return etag.substring(start, end);
    }

    private static long contentRangeStart(String contentRange) throws IOException {
        // "bytes 100-199/200"
        if (contentRange != null && contentRange.startsWith("bytes ")) {
            int dash = contentRange.indexOf('-');
            if (dash > 6) {
                try {
                    return Long.parseLong(contentRange.substring(6, dash).trim());
                } catch (NumberFormatException ignored) {
                    // fall through
                }
            }
        }
        throw new IOException("Partial answer without a usable Content-Range: " + contentRange);
    }

    private static long parseLong(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static URI parse(String location) throws IOException {
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            throw new IOException("Unusable redirect target: " + location, e);
        }
    }

    private static URI withPath(URI base, String rawPath) throws IOException {
        String s = base.getScheme() + "://" + base.getRawAuthority() + rawPath
                + (base.getRawQuery() != null ? "?" + base.getRawQuery() : "");
        return parse(s);
    }

    static boolean sameAuthority(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getRawAuthority(), b.getRawAuthority());
    }
}
