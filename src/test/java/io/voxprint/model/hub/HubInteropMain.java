package io.voxprint.model.hub;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * For tools/hf_cache_interop.py: serves the interop fixture file from a {@link FakeHub}, downloads it with the
 * Java code into the cache folder given as argument, prints what Python needs, and serves until stdin closes.
 */
public final class HubInteropMain {
    /** The fixture file both sides download: deterministic bytes, so tests can rebuild it. */
    static final int INTEROP_SIZE = 300_000;
    static final long INTEROP_SEED = 2024;

    private HubInteropMain() {
    }

    static byte[] interopBytes() {
        return HubTestSupport.randomBytes(INTEROP_SIZE, INTEROP_SEED);
    }

    public static void main(String[] args) throws Exception {
        try (FakeHub hub = new FakeHub()) {
            byte[] model = interopBytes();
            hub.publish(HubTestSupport.REPO, "main", HubTestSupport.COMMIT, HubTestSupport.FILE, model);
            System.out.println("ENDPOINT " + hub.endpoint());
            System.out.println("SHA " + FakeHub.sha256(model));
            if (args.length > 0) {
                HubFile file = new HubDownloader(new HubConfig(hub.endpoint(), null, Path.of(args[0]), false))
                        .download(HubTestSupport.REPO, HubTestSupport.FILE, "main", null);
                System.out.println("JAVA_PATH " + file.path());
            }
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            for (FakeHub.Request r : hub.requests()) {
                System.err.println(r.server() + " " + r.method() + " " + r.path() + " range=" + r.range() + " status=" + r.status());
            }
        }
    }
}
