package io.voxprint.model.hub;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small Hugging Face Hub on 127.0.0.1 (an HttpServer) speaking the protocol of /resolve/: HEAD answers 302 to a second server
 * (the "CDN", another port, so another host for the client) with X-Repo-Commit, X-Linked-Etag and X-Linked-Size;
 * the CDN serves bytes with Range support. Every request is logged; faults can be switched on.
 */
public final class FakeHub implements AutoCloseable {

    /** One request as the server saw it; logged before the answer is sent, body bytes counted before each write. */
    record Request(String server, String method, String path, String range, String authorization, String userAgent,
                   int status, AtomicLong sent) {
        long bodyBytes() {
            return sent.get();
        }
    }

    private final HttpServer hub;
    private final ServerSocket cdn;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-hub");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> log = Collections.synchronizedList(new ArrayList<>());

    /** repo id -> (revision -> commit) and (commit -> (file -> bytes)). */
    private final Map<String, Map<String, String>> revisions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, byte[]>> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, String> renamed = new ConcurrentHashMap<>();

    volatile String requiredToken;
    volatile String etagOverride;
    volatile int forcedHeadStatus;
    volatile int forcedCdnStatus;
    /** Each CDN answer takes the next number here, if any, sends that many bytes and closes the connection. */
    final ConcurrentLinkedQueue<Long> drops = new ConcurrentLinkedQueue<>();
    /** Each of the next {@code stallsLeft} CDN answers sends {@code stallAfterBytes} bytes, then waits {@code stallMillis}. */
    volatile long stallAfterBytes;
    final AtomicInteger stallsLeft = new AtomicInteger();
    volatile long stallMillis;

    public FakeHub() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        hub = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        cdn = new ServerSocket(0, 50, loopback);
        hub.createContext("/", this::handleHub);
        hub.setExecutor(executor);
        hub.start();
        executor.execute(this::acceptCdn);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + hub.getAddress().getPort();
    }

    String cdnBase() {
        return "http://127.0.0.1:" + cdn.getLocalPort();
    }

    /** Publishes {@code content} as {@code filename} at {@code commit}, and points {@code revision} at that commit. */
    public void publish(String repoId, String revision, String commit, String filename, byte[] content) {
        revisions.computeIfAbsent(repoId, k -> new ConcurrentHashMap<>()).put(revision, commit);
        revisions.get(repoId).put(commit, commit);
        files.computeIfAbsent(repoId + "@" + commit, k -> new ConcurrentHashMap<>()).put(filename, content);
        blobs.put(sha256(content), content);
    }

    void rename(String oldRepoId, String newRepoId) {
        renamed.put(oldRepoId, newRepoId);
    }

    List<Request> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    List<Request> requests(String server, String method) {
        return requests().stream().filter(r -> r.server.equals(server) && r.method.equals(method)).toList();
    }

    long cdnBytesServed() {
        return requests().stream().filter(r -> r.server.equals("cdn")).mapToLong(Request::bodyBytes).sum();
    }

    void clearLog() {
        log.clear();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handleHub(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            // /{owner}/{name}/resolve/{revision}/{filename...}
            String[] parts = path.split("/", 6);
            if (parts.length < 6 || !parts[3].equals("resolve")) {
                respond(ex, "hub", 404, new Headers(), 0);
                return;
            }
            String repoId = parts[1] + "/" + parts[2];
            String revision = URLDecoder.decode(parts[4], StandardCharsets.UTF_8);
            String filename = URLDecoder.decode(parts[5], StandardCharsets.UTF_8);
            Headers h = new Headers();
            if (renamed.containsKey(repoId)) {
                h.set("Location", "/" + renamed.get(repoId) + "/resolve/" + parts[4] + "/" + parts[5]);
                respond(ex, "hub", 307, h, 0);
                return;
            }
            if (requiredToken != null && !("Bearer " + requiredToken).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                h.set("X-Error-Message", "Invalid credentials in Authorization header");
                respond(ex, "hub", 401, h, 0);
                return;
            }
            if (forcedHeadStatus != 0) {
                respond(ex, "hub", forcedHeadStatus, h, 0);
                return;
            }
            Map<String, String> revs = revisions.get(repoId);
            if (revs == null) {
                h.set("X-Error-Code", "RepoNotFound");
                respond(ex, "hub", 404, h, 0);
                return;
            }
            String commit = revs.get(revision);
            if (commit == null) {
                h.set("X-Error-Code", "RevisionNotFound");
                respond(ex, "hub", 404, h, 0);
                return;
            }
            h.set("X-Repo-Commit", commit);
            byte[] content = files.getOrDefault(repoId + "@" + commit, Map.of()).get(filename);
            if (content == null) {
                h.set("X-Error-Code", "EntryNotFound");
                respond(ex, "hub", 404, h, 0);
                return;
            }
            String sha = sha256(content);
            String etag = etagOverride != null ? etagOverride : sha;
            h.set("X-Linked-Etag", "\"" + etag + "\"");
            h.set("X-Linked-Size", Long.toString(content.length));
            h.set("ETag", "W/\"" + sha.substring(0, 40) + "\"");
            h.set("Location", cdnBase() + "/cdn/" + sha + "?signature=abc");
            respond(ex, "hub", 302, h, 0);
        }
    }

    /**
     * The CDN speaks HTTP/1.1 over a plain socket, one request per connection: HttpServer cannot end a connection
     * in the middle of a body, and a real mid-file drop (FIN after part of the bytes) is what must be survived.
     */
    private void acceptCdn() {
        while (!cdn.isClosed()) {
            try {
                Socket socket = cdn.accept();
                executor.execute(() -> handleCdn(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handleCdn(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String[] parts = requestLine.split(" ");
            String method = parts[0];
            String path = URI.create(parts[1]).getPath();
            byte[] content = path.startsWith("/cdn/") ? blobs.get(path.substring(5)) : null;
            OutputStream out = socket.getOutputStream();
            String range = headers.get("range");
            int status = content == null ? 404 : forcedCdnStatus != 0 ? forcedCdnStatus : 200;
            long from = 0;
            if (status == 200 && range != null && range.startsWith("bytes=") && range.endsWith("-")) {
                from = Long.parseLong(range.substring(6, range.length() - 1));
                status = from >= content.length ? 416 : 206;
            }
            AtomicLong sent = new AtomicLong();
            log.add(new Request("cdn", method, path, range, headers.get("authorization"), headers.get("user-agent"), status, sent));
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\nConnection: close\r\nAccept-Ranges: bytes\r\n");
            if (status != 200 && status != 206) {
                head.append("Content-Length: 0\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            long length = content.length - from;
            if (status == 206) {
                head.append("Content-Range: bytes ").append(from).append('-').append(content.length - 1).append('/')
                        .append(content.length).append("\r\n");
            }
            head.append("Content-Length: ").append(length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            Long dropAt = drops.poll();
            boolean stall = dropAt == null && stallsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            long toSend = dropAt != null ? Math.min(dropAt, length) : stall ? Math.min(stallAfterBytes, length) : length;
            while (sent.get() < toSend) {
                int n = (int) Math.min(64 * 1024, toSend - sent.get());
                long at = sent.getAndAdd(n);
                out.write(content, (int) (from + at), n);
            }
            out.flush();
            if (stall) {
                Thread.sleep(stallMillis);
            }
            // Leaving here closes the socket: for a drop, in the middle of the announced body.
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private void respond(HttpExchange ex, String server, int status, Headers headers, long bytes) throws IOException {
        ex.getResponseHeaders().putAll(headers);
        log(ex, server, status);
        ex.sendResponseHeaders(status, -1);
    }

    private AtomicLong log(HttpExchange ex, String server, int status) {
        Headers rq = ex.getRequestHeaders();
        AtomicLong sent = new AtomicLong();
        log.add(new Request(server, ex.getRequestMethod(), ex.getRequestURI().getRawPath(), rq.getFirst("Range"),
                rq.getFirst("Authorization"), rq.getFirst("User-Agent"), status, sent));
        return sent;
    }

    @Override
    public void close() {
        hub.stop(0);
        try {
            cdn.close();
        } catch (IOException e) {
            // already closed
        }
        executor.shutdownNow();
    }
}
