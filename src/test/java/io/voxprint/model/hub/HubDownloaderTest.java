package io.voxprint.model.hub;

import static io.voxprint.model.hub.HubTestSupport.COMMIT;
import static io.voxprint.model.hub.HubTestSupport.COMMIT2;
import static io.voxprint.model.hub.HubTestSupport.FAST;
import static io.voxprint.model.hub.HubTestSupport.FILE;
import static io.voxprint.model.hub.HubTestSupport.REPO;
import static io.voxprint.model.hub.HubTestSupport.config;
import static io.voxprint.model.hub.HubTestSupport.randomBytes;
import static io.voxprint.model.hub.HubTestSupport.storage;
import static io.voxprint.model.hub.HubTestSupport.tree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubDownloaderTest {
    private static final int SIZE = 1_000_000;

    @TempDir
    Path cache;
    FakeHub hub;
    byte[] model;
    String sha;

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
        model = randomBytes(SIZE, 42);
        sha = FakeHub.sha256(model);
        hub.publish(REPO, "main", COMMIT, FILE, model);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubDownloader downloader() {
        return new HubDownloader(config(hub, cache, null), FAST);
    }

    @Test
    void firstDownloadLaysOutTheCacheAsHuggingfaceHubDoes() throws IOException {
        List<long[]> updates = new ArrayList<>();
        HubFile file = downloader().download(REPO, FILE, "main", (done, total) -> updates.add(new long[] {done, total}));

        Path storage = storage(cache);
        Path pointer = storage.resolve("snapshots").resolve(COMMIT).resolve(FILE);
        assertEquals(pointer, file.path());
        assertTrue(file.downloaded());
        assertEquals(COMMIT, file.commit());
        assertEquals(sha, file.etag());
        assertEquals(SIZE, file.size());

        assertEquals(List.of("blobs", "blobs/" + sha, "refs", "refs/main", "snapshots", "snapshots/" + COMMIT,
                "snapshots/" + COMMIT + "/" + FILE), tree(storage));
        assertTrue(Files.isSymbolicLink(pointer));
        assertEquals(Path.of("..", "..", "blobs", sha), Files.readSymbolicLink(pointer));
        assertTrue(Files.isRegularFile(pointer));
        assertArrayEquals(model, Files.readAllBytes(pointer));
        assertEquals(sha, HubDownloader.sha256(storage.resolve("blobs").resolve(sha)));
        assertEquals(COMMIT, Files.readString(storage.resolve("refs/main"), StandardCharsets.UTF_8));
        assertTrue(Files.exists(cache.resolve(".locks/models--Jenthe--ECAPA2/" + sha + ".lock")));

        // One HEAD on /resolve/ (the 302 not followed), then the bytes straight from the CDN.
        List<FakeHub.Request> heads = hub.requests("hub", "HEAD");
        assertEquals(1, heads.size());
        assertEquals("/Jenthe/ECAPA2/resolve/main/ecapa2.pt", heads.get(0).path());
        assertTrue(heads.get(0).userAgent().startsWith("voxprint/"), heads.get(0).userAgent());
        assertEquals(0, hub.requests("hub", "GET").size());
        assertEquals(1, hub.requests("cdn", "GET").size());
        assertNull(hub.requests("cdn", "GET").get(0).range());

        long[] last = updates.get(updates.size() - 1);
        assertEquals(SIZE, last[0]);
        assertEquals(SIZE, last[1]);
        for (int i = 1; i < updates.size(); i++) {
            assertTrue(updates.get(i)[0] >= updates.get(i - 1)[0]);
        }
    }

    @Test
    void secondCallOnlyAsksForTheCommitAndOfflineAsksNothing() {
        downloader().download(REPO, FILE, "main", null);
        hub.clearLog();

        HubFile again = downloader().download(REPO, FILE, "main", null);
        assertFalse(again.downloaded());
        assertEquals(sha, again.etag());
        assertEquals(1, hub.requests().size());
        assertEquals("HEAD", hub.requests().get(0).method());

        hub.clearLog();
        HubFile offline = new HubDownloader(new HubConfig(hub.endpoint(), null, cache, true), FAST).download(REPO, FILE, "main", null);
        assertEquals(again.path(), offline.path());
        assertEquals(COMMIT, offline.commit());
        assertEquals(0, hub.requests().size());
    }

    @Test
    void aCachedCommitHashNeedsNoRequestAndWritesNoRef() throws IOException {
        downloader().download(REPO, FILE, COMMIT, null);
        assertFalse(Files.exists(storage(cache).resolve("refs")));
        hub.clearLog();
        HubFile pinned = downloader().download(REPO, FILE, COMMIT, null);
        assertFalse(pinned.downloaded());
        assertEquals(0, hub.requests().size());
        assertArrayEquals(model, Files.readAllBytes(pinned.path()));
    }

    @Test
    void aConnectionDroppedMidFileResumesWithRange() throws IOException {
        hub.drops.add(300_000L);

        HubFile file = downloader().download(REPO, FILE, "main", null);

        List<FakeHub.Request> gets = hub.requests("cdn", "GET");
        assertEquals(2, gets.size());
        assertNull(gets.get(0).range());
        assertEquals(300_000, gets.get(0).bodyBytes());
        assertEquals("bytes=300000-", gets.get(1).range());
        assertEquals(206, gets.get(1).status());
        assertTrue(hub.cdnBytesServed() < 2L * SIZE, "served " + hub.cdnBytesServed());
        assertEquals(SIZE, hub.cdnBytesServed());
        assertArrayEquals(model, Files.readAllBytes(file.path()));
        assertFalse(Files.exists(storage(cache).resolve("blobs/" + sha + ".incomplete")));
    }

    @Test
    void aStalledTransferTimesOutAndResumes() throws IOException {
        HubDownloader.Tuning shortRead = new HubDownloader.Tuning(FAST.connectTimeout(), java.time.Duration.ofMillis(300),
                3, FAST.firstBackoff(), FAST.lockTimeout());
        hub.stallAfterBytes = 250_000;
        hub.stallMillis = 3_000;
        hub.stallsLeft.set(1);

        HubFile file = new HubDownloader(config(hub, cache, null), shortRead).download(REPO, FILE, "main", null);

        List<FakeHub.Request> gets = hub.requests("cdn", "GET");
        assertEquals("bytes=250000-", gets.get(gets.size() - 1).range());
        assertArrayEquals(model, Files.readAllBytes(file.path()));
    }

    @Test
    void aDownloadThatKeepsFailingResumesInALaterCall() throws IOException {
        // 200 kB, then connections that end before any byte: the call gives up after FAST.attempts() fruitless tries.
        hub.drops.add(200_000L);
        for (int i = 1; i < FAST.attempts(); i++) {
            hub.drops.add(0L);
        }

        HubException e = assertThrows(HubException.class, () -> downloader().download(REPO, FILE, "main", null));
        assertEquals(HubException.Reason.NETWORK, e.reason());
        Path incomplete = storage(cache).resolve("blobs/" + sha + ".incomplete");
        long kept = Files.size(incomplete);
        assertEquals(200_000L, kept);
        assertEquals(FAST.attempts(), hub.requests("cdn", "GET").size());
        assertEquals(List.of("blobs", "blobs/" + sha + ".incomplete"), tree(storage(cache)));

        hub.clearLog();
        HubFile file = downloader().download(REPO, FILE, "main", null);
        List<FakeHub.Request> gets = hub.requests("cdn", "GET");
        assertEquals(1, gets.size());
        assertEquals("bytes=" + kept + "-", gets.get(0).range());
        assertEquals(SIZE - kept, hub.cdnBytesServed());
        assertArrayEquals(model, Files.readAllBytes(file.path()));
    }

    @Test
    void aWrongEtagIsRefusedAndNothingIsStored() throws IOException {
        String wrong = FakeHub.sha256("something else".getBytes(StandardCharsets.UTF_8));
        hub.etagOverride = wrong;

        HubException e = assertThrows(HubException.class, () -> downloader().download(REPO, FILE, "main", null));
        assertEquals(HubException.Reason.VERIFICATION, e.reason());
        assertTrue(e.getMessage().contains(wrong), e.getMessage());
        assertTrue(e.getMessage().contains(sha), e.getMessage());
        assertEquals(List.of("blobs"), tree(storage(cache)));
    }

    @Test
    void missingFileRevisionAndRepositoryEachSaySo() throws IOException {
        HubException file = assertThrows(HubException.class, () -> downloader().download(REPO, "nope.pt", "main", null));
        assertEquals(HubException.Reason.ENTRY_NOT_FOUND, file.reason());
        assertTrue(file.getMessage().contains("Jenthe/ECAPA2/nope.pt"), file.getMessage());
        // As huggingface_hub, the absence is remembered under .no_exist/<commit>/.
        assertTrue(Files.isRegularFile(storage(cache).resolve(".no_exist/" + COMMIT + "/nope.pt")));

        HubException rev = assertThrows(HubException.class, () -> downloader().download(REPO, FILE, "v9", null));
        assertEquals(HubException.Reason.REVISION_NOT_FOUND, rev.reason());

        HubException repo = assertThrows(HubException.class, () -> downloader().download("Nobody/Nothing", FILE, "main", null));
        assertEquals(HubException.Reason.REPOSITORY_NOT_FOUND, repo.reason());
        assertTrue(repo.getMessage().contains("HF_TOKEN"), repo.getMessage());
        assertEquals(0, hub.requests("cdn", "GET").size());
        assertFalse(Files.exists(storage(cache).resolve("snapshots")));
    }

    @Test
    void aTokenIsNeededForAPrivateRepoAndNeverSentToTheCdn() throws IOException {
        hub.requiredToken = "hf_secret";
        HubException refused = assertThrows(HubException.class, () -> downloader().download(REPO, FILE, "main", null));
        assertEquals(HubException.Reason.UNAUTHORIZED, refused.reason());
        assertTrue(refused.getMessage().contains("HF_TOKEN"), refused.getMessage());
        assertEquals(0, hub.requests("cdn", "GET").size());

        hub.clearLog();
        HubFile file = new HubDownloader(config(hub, cache, "hf_secret"), FAST).download(REPO, FILE, "main", null);
        assertArrayEquals(model, Files.readAllBytes(file.path()));
        assertEquals("Bearer hf_secret", hub.requests("hub", "HEAD").get(0).authorization());
        assertNull(hub.requests("cdn", "GET").get(0).authorization());
    }

    @Test
    void serverErrorsAreRetriedThenReported() throws IOException {
        hub.forcedHeadStatus = 500;
        HubException head = assertThrows(HubException.class, () -> downloader().download(REPO, FILE, "main", null));
        assertEquals(HubException.Reason.SERVER, head.reason());
        assertTrue(head.getMessage().contains("HTTP 500"), head.getMessage());
        assertEquals(FAST.attempts(), hub.requests("hub", "HEAD").size());
        assertEquals(List.of(), tree(storage(cache)));

        hub.forcedHeadStatus = 0;
        hub.forcedCdnStatus = 503;
        HubException get = assertThrows(HubException.class, () -> downloader().download(REPO, FILE, "main", null));
        assertEquals(HubException.Reason.SERVER, get.reason());
        assertEquals(FAST.attempts(), hub.requests("cdn", "GET").size());
        assertFalse(Files.exists(storage(cache).resolve("snapshots")));
        assertFalse(Files.exists(storage(cache).resolve("refs")));
    }

    @Test
    void whenTheHubFailsTheCachedFileOfTheRevisionIsUsed() throws IOException {
        downloader().download(REPO, FILE, "main", null);
        hub.forcedHeadStatus = 503;
        hub.clearLog();
        HubFile file = downloader().download(REPO, FILE, "main", null);
        assertFalse(file.downloaded());
        assertEquals(COMMIT, file.commit());
        assertEquals(1, hub.requests().size());
    }

    @Test
    void unreachableHubsGiveOneSentence() throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HubException refused = assertThrows(HubException.class, () -> new HubDownloader(
                new HubConfig("http://127.0.0.1:" + closedPort, null, cache, false), FAST).download(REPO, FILE, "main", null));
        assertEquals(HubException.Reason.NETWORK, refused.reason());
        assertTrue(refused.getMessage().contains("connection refused"), refused.getMessage());

        HubException dns = assertThrows(HubException.class, () -> new HubDownloader(
                new HubConfig("http://no-such-host.invalid", null, cache, false), FAST).download(REPO, FILE, "main", null));
        assertEquals(HubException.Reason.NETWORK, dns.reason());
        assertTrue(dns.getMessage().contains("unknown host"), dns.getMessage());

        // A server that accepts and never answers.
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            HubDownloader.Tuning quick = new HubDownloader.Tuning(FAST.connectTimeout(), java.time.Duration.ofMillis(200),
                    2, FAST.firstBackoff(), FAST.lockTimeout());
            HubException timeout = assertThrows(HubException.class, () -> new HubDownloader(
                    new HubConfig("http://127.0.0.1:" + silent.getLocalPort(), null, cache, false), quick)
                    .download(REPO, FILE, "main", null));
            assertEquals(HubException.Reason.NETWORK, timeout.reason());
            assertTrue(timeout.getMessage().contains("timed out"), timeout.getMessage());
        }
        for (HubException e : List.of(refused, dns)) {
            assertFalse(e.getMessage().contains("\n"));
            assertTrue(e.getMessage().endsWith("."));
        }
        assertEquals(List.of(), tree(cache));
    }

    @Test
    void aFullDiskFailsClearlyAndLeavesNoSnapshot() throws IOException {
        Path devFull = Path.of("/dev/full");
        Path blobs = Files.createDirectories(storage(cache).resolve("blobs"));
        // Writes through this link fail in the kernel with ENOSPC, exactly as on a full disk.
        Files.createSymbolicLink(blobs.resolve(sha + ".incomplete"), devFull);

        HubException e = assertThrows(HubException.class, () -> downloader().download(REPO, FILE, "main", null));
        assertEquals(HubException.Reason.DISK_FULL, e.reason());
        assertTrue(e.getMessage().startsWith("There is no space left"), e.getMessage());
        assertEquals(List.of("blobs", "blobs/" + sha + ".incomplete"), tree(storage(cache)));
        assertEquals(1, hub.requests("cdn", "GET").size());
    }

    @Test
    void offlineWithNothingCachedSaysSoWithoutNetwork() {
        HubException e = assertThrows(HubException.class, () -> new HubDownloader(
                new HubConfig(hub.endpoint(), null, cache, true), FAST).download(REPO, FILE, "main", null));
        assertEquals(HubException.Reason.OFFLINE_NOT_CACHED, e.reason());
        assertTrue(e.getMessage().contains("Offline mode is on"), e.getMessage());
        assertEquals(0, hub.requests().size());
    }

    @Test
    void aRenamedRepositoryIsFollowedThroughItsRelativeRedirect() throws IOException {
        hub.rename("Jenthe/OldName", REPO);
        HubFile file = downloader().download("Jenthe/OldName", FILE, "main", null);
        assertArrayEquals(model, Files.readAllBytes(file.path()));
        List<FakeHub.Request> heads = hub.requests("hub", "HEAD");
        assertEquals("/Jenthe/OldName/resolve/main/ecapa2.pt", heads.get(0).path());
        assertEquals("/Jenthe/ECAPA2/resolve/main/ecapa2.pt", heads.get(1).path());
        // Stored under the name asked for, as huggingface_hub does.
        assertTrue(Files.isRegularFile(cache.resolve("models--Jenthe--OldName/snapshots/" + COMMIT + "/" + FILE)));
    }

    @Test
    void aNewCommitWithTheSameBlobNeedsNoDownload() throws IOException {
        downloader().download(REPO, FILE, "main", null);
        hub.publish(REPO, "main", COMMIT2, FILE, model);
        hub.clearLog();

        HubFile file = downloader().download(REPO, FILE, "main", null);
        assertEquals(COMMIT2, file.commit());
        assertFalse(file.downloaded());
        assertEquals(0, hub.requests("cdn", "GET").size());
        assertEquals(COMMIT2, Files.readString(storage(cache).resolve("refs/main")));
        assertEquals(Path.of("..", "..", "blobs", sha), Files.readSymbolicLink(file.path()));
        assertTrue(Files.isRegularFile(storage(cache).resolve("snapshots/" + COMMIT + "/" + FILE)));
    }

    @Test
    void revisionsAndNamesAreQuotedLikeHfHubUrl() {
        hub.publish(REPO, "refs/pr/1", COMMIT2, "sub dir/é.pt", model);
        HubFile file = downloader().download(REPO, "sub dir/é.pt", "refs/pr/1", null);
        assertEquals("/Jenthe/ECAPA2/resolve/refs%2Fpr%2F1/sub%20dir/%C3%A9.pt", hub.requests("hub", "HEAD").get(0).path());
        assertTrue(Files.isRegularFile(storage(cache).resolve("refs/refs/pr/1")));
        assertEquals(Path.of("..", "..", "..", "blobs", sha), assertLink(file.path()));
    }

    private static Path assertLink(Path p) {
        try {
            assertTrue(Files.isSymbolicLink(p));
            return Files.readSymbolicLink(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutLinksTheSnapshotHoldsTheFileItself() throws IOException {
        HubFile file = new HubDownloader(new HubConfig(hub.endpoint(), null, cache, false, true), FAST)
                .download(REPO, FILE, "main", null);
        assertFalse(Files.isSymbolicLink(file.path()));
        assertArrayEquals(model, Files.readAllBytes(file.path()));
        // huggingface_hub moves a new blob into the snapshot rather than keeping two copies.
        assertFalse(Files.exists(storage(cache).resolve("blobs/" + sha)));
        hub.clearLog();
        HubFile offline = new HubDownloader(new HubConfig(hub.endpoint(), null, cache, true, true), FAST)
                .cached(REPO, FILE, "main").orElseThrow();
        assertEquals(file.path(), offline.path());
        assertEquals(SIZE, offline.size());
    }

    @Test
    void pathsEscapingTheCacheAreRefused() {
        HubException e = assertThrows(HubException.class, () -> downloader().download(REPO, "../../evil", "main", null));
        assertEquals(HubException.Reason.LOCAL, e.reason());
        HubException id = assertThrows(HubException.class, () -> downloader().download("a/b/c", FILE, "main", null));
        assertEquals(HubException.Reason.LOCAL, id.reason());
    }
}
