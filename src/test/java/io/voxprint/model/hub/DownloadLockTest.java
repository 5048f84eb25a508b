package io.voxprint.model.hub;

import static io.voxprint.model.hub.HubTestSupport.COMMIT;
import static io.voxprint.model.hub.HubTestSupport.FAST;
import static io.voxprint.model.hub.HubTestSupport.FILE;
import static io.voxprint.model.hub.HubTestSupport.REPO;
import static io.voxprint.model.hub.HubTestSupport.SHORT_LOCK;
import static io.voxprint.model.hub.HubTestSupport.config;
import static io.voxprint.model.hub.HubTestSupport.randomBytes;
import static io.voxprint.model.hub.HubTestSupport.storage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadLockTest {
    @TempDir
    Path cache;
    FakeHub hub;
    byte[] model;
    String sha;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
        model = randomBytes(2_000_000, 7);
        sha = FakeHub.sha256(model);
        hub.publish(REPO, "main", COMMIT, FILE, model);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void anotherProcessHoldingTheLockKeepsUsFromDownloading() throws Exception {
        Path lockFile = cache.resolve(".locks/models--Jenthe--ECAPA2/" + sha + ".lock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), lockFile.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());

            HubDownloader.Tuning impatient = new HubDownloader.Tuning(FAST.connectTimeout(), FAST.readTimeout(),
                    FAST.attempts(), FAST.firstBackoff(), SHORT_LOCK);
            HubException e = assertThrows(HubException.class,
                    () -> new HubDownloader(config(hub, cache, null), impatient).download(REPO, FILE, "main", null));
            assertEquals(HubException.Reason.LOCKED, e.reason());
            assertEquals(0, hub.requests("cdn", "GET").size());
            assertFalse(Files.exists(storage(cache).resolve("snapshots")));

            try (OutputStream in = holder.getOutputStream()) {
                in.write('\n');
            }
            assertEquals(0, holder.waitFor());
        } finally {
            holder.destroy();
        }
        HubFile file = new HubDownloader(config(hub, cache, null), FAST).download(REPO, FILE, "main", null);
        assertArrayEquals(model, Files.readAllBytes(file.path()));
    }

    @Test
    void twoThreadsAskingAtOnceDownloadOnce() throws Exception {
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HubFile>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return new HubDownloader(config(hub, cache, null), FAST).download(REPO, FILE, "main", null);
            }));
        }
        go.countDown();
        int downloaded = 0;
        for (Future<HubFile> f : results) {
            HubFile file = f.get(60, TimeUnit.SECONDS);
            assertArrayEquals(model, Files.readAllBytes(file.path()));
            downloaded += file.downloaded() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, downloaded);
        assertEquals(1, hub.requests("cdn", "GET").size());
    }
}
