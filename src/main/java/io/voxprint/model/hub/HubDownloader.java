package io.voxprint.model.hub;

import io.voxprint.common.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Java counterpart of huggingface_hub's {@code hf_hub_download} for one file of a model repository, writing the
 * very cache layout Python writes (see {@link HubCache}), so a file fetched by either is found by the other.
 *
 * <p>Differences from huggingface_hub, on purpose: partial bytes are kept in {@code blobs/<etag>.incomplete} and
 * resumed by a later call (recent huggingface_hub restarts from zero); the sha256 of LFS files is checked before
 * the blob is put in place; refs/ is written only once the snapshot pointer exists.
 *
 * <p>Longer than most classes here: the metadata request, the resumable transfer and its check are
 * one sequence sharing one retry budget, one lock and one partial file, and read best in one place;
 * the URL and header rules are in {@link HubRequests}, the user's sentences in {@link HubFailures}.
 */
public final class HubDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(HubDownloader.class);
    private static final int BUFFER_SIZE = 1 << 20;

    /**
     * Network and waiting limits.
     *
     * @param attempts     tries per call for a transfer that keeps failing without progress (and for HEAD when nothing is cached)
     * @param firstBackoff pause after the first failure, doubled after each further one (at most 8 s)
     * @param lockTimeout  how long to wait for another process downloading the same blob
     */
    public record Tuning(Duration connectTimeout, Duration readTimeout, int attempts, Duration firstBackoff, Duration lockTimeout) {
        public static final Tuning DEFAULT = new Tuning(Duration.ofSeconds(10), Duration.ofSeconds(30), 5,
                Duration.ofSeconds(1), Duration.ofMinutes(30));

        public Tuning {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
        }
    }

    private final HubConfig config;
    private final Tuning tuning;
    private final HubHttp http;
    private final HubRequests requests;
    private final HubFailures failures;

    public HubDownloader(HubConfig config) {
        this(config, Tuning.DEFAULT);
    }

    public HubDownloader(HubConfig config, Tuning tuning) {
        this.config = config;
        this.tuning = tuning;
        this.http = new HubHttp(tuning.connectTimeout(), tuning.readTimeout());
        this.requests = new HubRequests(config);
        this.failures = new HubFailures(config);
    }

    public HubConfig config() {
        return config;
    }

    /** The file for this revision if the cache holds it; never touches the network. */
    public Optional<HubFile> cached(String repoId, String filename, String revision) {
        String rev = HubRequests.revisionOrMain(revision);
        HubCache cache = new HubCache(config.hubCache(), repoId, config.disableSymlinks());
        HubCache.validateFilename(filename);
        return cache.cachedPointer(rev, filename).map(p -> fromCache(cache, p, repoId, filename, rev, cache.commitFor(rev)));
    }

    /**
     * Returns the file of {@code repoId} at {@code revision} (null means "main"), downloading it first unless the
     * cache already holds that commit's file. Online, one HEAD asks which commit the revision is at now; offline,
     * or when given a commit hash that is cached, no request is made.
     *
     * @throws HubException with one readable sentence on any failure; the cache is then as before, except a
     *                      {@code .incomplete} file kept for resuming
     */
    public HubFile download(String repoId, String filename, String revision, DownloadProgress progress) {
        String rev = HubRequests.revisionOrMain(revision);
        DownloadProgress listener = progress != null ? progress : DownloadProgress.NONE;
        HubCache cache = new HubCache(config.hubCache(), repoId, config.disableSymlinks());
        HubCache.validateFilename(filename);
        String what = repoId + "/" + filename + " (revision " + rev + ")";

        if (HubCache.isCommitHash(rev)) {
            Optional<Path> pinned = cache.cachedPointer(rev, filename);
            if (pinned.isPresent()) {
                return fromCache(cache, pinned.get(), repoId, filename, rev, rev);
            }
        }
        if (config.offline()) {
            return cached(repoId, filename, rev).orElseThrow(() -> new HubException(HubException.Reason.OFFLINE_NOT_CACHED,
                    "Offline mode is on (HF_HUB_OFFLINE or --offline) and " + what + " is not in the Hugging Face cache at "
                            + config.hubCache() + "; connect once to download it, or give a model file with --model."));
        }

        URI url = requests.resolveUrl(repoId, filename, rev);
        Map<String, String> headers = requests.headers();
        HubHttp.Metadata meta;
        try {
            meta = headWithFallback(url, headers, cache, rev, filename, what);
        } catch (CachedInstead hit) {
            return fromCache(cache, hit.pointer, repoId, filename, rev, cache.commitFor(rev));
        }
        String commit = meta.commit();
        String etag = meta.etag();
        Path blob = cache.blob(etag);
        Path pointer = cache.pointer(commit, filename);

        if (Files.isRegularFile(pointer)) {
            writeRefBestEffort(cache, rev, commit);
            return fromCache(cache, pointer, repoId, filename, rev, commit);
        }
        if (!HubHttp.sameAuthority(url, meta.location())) {
            // Pre-signed CDN URL: the token must not travel to another host.
            headers.remove("Authorization");
        }
        try {
            Files.createDirectories(blob.getParent());
            try (DownloadLock lock = DownloadLock.acquire(cache.lockFile(etag), tuning.lockTimeout())) {
                boolean fetched = false;
                if (!Files.isRegularFile(blob)) {
                    fetchInto(meta.location(), headers, cache.incomplete(etag), blob, meta.size(), etag, listener, what);
                    fetched = true;
                }
                if (!Files.isRegularFile(pointer)) {
                    cache.linkPointer(blob, pointer, fetched);
                }
                cache.writeRef(rev, commit);
                return new HubFile(pointer, repoId, filename, rev, commit, etag, meta.size(), fetched);
            }
        } catch (IOException e) {
            throw failures.local(e, what);
        }
    }

    /** A HEAD failed but the cache holds the file for this revision: huggingface_hub then uses the cached copy. */
    private static final class CachedInstead extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Path pointer;

        CachedInstead(Path pointer) {
            super(null, null, false, false);
            this.pointer = pointer;
        }
    }

    private HubHttp.Metadata headWithFallback(URI url, Map<String, String> headers, HubCache cache, String rev,
                                              String filename, String what) throws CachedInstead {
        Exception last = null;
        for (int attempt = 1; attempt <= tuning.attempts(); attempt++) {
            try {
                HubHttp.Metadata meta = http.head(url, headers);
                return checked(meta, url);
            } catch (HttpStatusException e) {
                last = e;
                LOG.warn("Metadata request for {} failed: {}", what, e.getMessage());
                if (e.status() == 404 && "EntryNotFound".equals(e.errorCode())) {
                    if (e.repoCommit() != null) {
                        cache.markNoExist(e.repoCommit(), filename);
                    }
                    throw failures.status(e, what);
                }
                if ("RevisionNotFound".equals(e.errorCode())) {
                    throw failures.status(e, what);
                }
                fallBackToCache(cache, rev, filename, attempt);
                if (!e.transientFailure()) {
                    throw failures.status(e, what);
                }
            } catch (IOException e) {
                last = e;
                LOG.warn("Metadata request for {} failed", what, e);
                fallBackToCache(cache, rev, filename, attempt);
            } catch (HubException e) {
                fallBackToCache(cache, rev, filename, attempt);
                throw e;
            }
            if (attempt < tuning.attempts()) {
                pause(attempt, what);
            }
        }
        if (last instanceof HttpStatusException status) {
            throw failures.status(status, what);
        }
        throw failures.network((IOException) last, what);
    }

    private static void fallBackToCache(HubCache cache, String rev, String filename, int attempt) throws CachedInstead {
        if (attempt == 1) {
            Optional<Path> cached = cache.cachedPointer(rev, filename);
            if (cached.isPresent()) {
                LOG.warn("Using the cached {} since the Hub could not be asked for updates", cached.get());
                throw new CachedInstead(cached.get());
            }
        }
    }

    private HubHttp.Metadata checked(HubHttp.Metadata meta, URI url) {
        String notHub = "The server at " + config.endpoint() + " did not answer like a Hugging Face Hub for " + url;
        if (meta.commit() == null || !HubCache.isCommitHash(meta.commit())) {
            throw new HubException(HubException.Reason.SERVER, notHub + " (no commit hash); check HF_ENDPOINT, proxy and firewall settings.");
        }
        if (meta.etag() == null || meta.etag().isEmpty() || meta.etag().contains("/") || meta.etag().contains("\\")
                || meta.etag().startsWith(".")) {
            throw new HubException(HubException.Reason.SERVER, notHub + " (no usable ETag); check HF_ENDPOINT, proxy and firewall settings.");
        }
        if (meta.size() < 0) {
            throw new HubException(HubException.Reason.SERVER, notHub + " (no file size); check HF_ENDPOINT, proxy and firewall settings.");
        }
        return meta;
    }

    /** Downloads into {@code incomplete}, resuming what is there, then verifies and moves it to {@code blob}. */
    private void fetchInto(URI location, Map<String, String> headers, Path incomplete, Path blob, long expected,
                           String etag, DownloadProgress progress, String what) throws IOException {
        checkFreeSpace(incomplete.getParent(), expected, incomplete);
        int failuresWithoutProgress = 0;
        while (true) {
            long have = Files.exists(incomplete) ? Files.size(incomplete) : 0;
            if (have > expected) {
                LOG.warn("{} is larger than the published size; starting again", incomplete);
                truncate(incomplete);
                have = 0;
            }
            if (have == expected) {
                break;
            }
            long before = have;
            try {
                have = transfer(location, headers, incomplete, have, expected, progress, what);
                if (have == expected) {
                    break;
                }
                throw new IOException("The connection ended after " + have + " of " + expected + " bytes");
            } catch (HttpStatusException e) {
                LOG.warn("Download of {} failed: {}", what, e.getMessage());
                if (!e.transientFailure()) {
                    throw failures.status(e, what);
                }
                failuresWithoutProgress++;
                if (failuresWithoutProgress >= tuning.attempts()) {
                    throw failures.status(e, what);
                }
            } catch (IOException e) {
                if (HubFailures.isDiskFull(e)) {
                    throw new HubException(HubException.Reason.DISK_FULL, "There is no space left on the disk holding "
                            + config.hubCache() + " (the model needs " + megabytes(expected) + " MB); free some space and"
                            + " try again, the download will resume.", e);
                }
                long now = Files.exists(incomplete) ? Files.size(incomplete) : 0;
                LOG.warn("Transfer of {} interrupted at {} of {} bytes", what, now, expected, e);
                failuresWithoutProgress = now > before ? 1 : failuresWithoutProgress + 1;
                if (failuresWithoutProgress >= tuning.attempts()) {
                    throw new HubException(HubException.Reason.NETWORK, "The download of " + what + " kept failing ("
                            + HubFailures.describe(e) + "); " + megabytes(now) + " of " + megabytes(expected)
                            + " MB are kept and the next attempt resumes from there.", e);
                }
            }
            pause(failuresWithoutProgress, what);
        }
        progress.update(expected, expected);
        verify(incomplete, expected, etag, what);
        HubCache.moveAtomically(incomplete, blob);
    }

    private long transfer(URI location, Map<String, String> headers, Path incomplete, long have, long expected,
                          DownloadProgress progress, String what) throws IOException, HttpStatusException {
        try (HubHttp.Body body = http.get(location, headers, have)) {
            boolean append = body.status() == 206 && body.firstByte() == have;
            if (have > 0 && !append) {
                // The server ignored the Range (or answered another one): start from zero rather than corrupt the file.
                LOG.warn("Server answered {} to a resume from byte {} of {}; starting again", body.status(), have, what);
                have = 0;
            }
            StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            try (FileChannel out = FileChannel.open(incomplete, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
                 InputStream in = body.stream()) {
                progress.update(have, expected);
                byte[] buffer = new byte[BUFFER_SIZE];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    if (have + n > expected) {
                        throw new HubException(HubException.Reason.VERIFICATION, "The server sent more bytes than the published size of "
                                + what + "; nothing was stored.");
                    }
                    write(out, buffer, n);
                    have += n;
                    progress.update(have, expected);
                }
                out.force(true);
            }
            return have;
        } catch (HubException e) {
            Files.deleteIfExists(incomplete);
            throw e;
        }
    }

    private static void write(FileChannel out, byte[] buffer, int n) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
        while (bb.hasRemaining()) {
            out.write(bb);
        }
    }

    private void verify(Path incomplete, long expected, String etag, String what) throws IOException {
        long size = Files.size(incomplete);
        if (size != expected) {
            Files.deleteIfExists(incomplete);
            throw new HubException(HubException.Reason.VERIFICATION, "The downloaded " + what + " has " + size
                    + " bytes instead of the published " + expected + "; the partial file was deleted, please try again.");
        }
        if (HubCache.SHA256.matcher(etag).matches()) {
            String actual = sha256(incomplete);
            if (!actual.equals(etag)) {
                Files.deleteIfExists(incomplete);
                throw new HubException(HubException.Reason.VERIFICATION, "The downloaded " + what
                        + " does not match its published sha256 (expected " + etag + ", got " + actual
                        + "); the file was deleted and nothing was stored.");
            }
        } else {
            LOG.info("{} has a non-sha256 etag {}; only its size was checked", what, etag);
        }
    }

    static String sha256(Path file) throws IOException {
        return Sha256.ofFile(file);
    }

    private void checkFreeSpace(Path dir, long expected, Path incomplete) {
        try {
            long have = Files.exists(incomplete) ? Files.size(incomplete) : 0;
            long usable = Files.getFileStore(dir).getUsableSpace();
            if (usable < expected - have) {
                // A warning only, as in huggingface_hub: free-space figures are unreliable on some file systems.
                LOG.warn("Only {} MB free in {} for a {} MB download", megabytes(usable), dir, megabytes(expected - have));
            }
        } catch (IOException e) {
            LOG.debug("Could not check free space in {}", dir, e);
        }
    }

    private static void truncate(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(0);
        }
    }

    private void pause(int failures, String what) {
        long millis = Math.min(tuning.firstBackoff().toMillis() << Math.min(failures - 1, 10), 8_000);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(HubException.Reason.NETWORK, "The download of " + what + " was cancelled.", e);
        }
    }

    private void writeRefBestEffort(HubCache cache, String rev, String commit) {
        try {
            cache.writeRef(rev, commit);
        } catch (IOException e) {
            // A read-only shared cache is fine: the file itself is there.
            LOG.debug("Could not update refs/{}", rev, e);
        }
    }

    private HubFile fromCache(HubCache cache, Path pointer, String repoId, String filename, String rev, String commit) {
        String etag = null;
        try {
            if (Files.isSymbolicLink(pointer)) {
                etag = Files.readSymbolicLink(pointer).getFileName().toString();
            }
            return new HubFile(pointer, repoId, filename, rev, commit, etag, Files.size(pointer), false);
        } catch (IOException e) {
            throw new HubException(HubException.Reason.LOCAL, "Could not read the cached " + repoId + "/" + filename
                    + " in " + config.hubCache() + " (" + HubFailures.describe(e) + ").", e);
        }
    }


    private static long megabytes(long bytes) {
        return (bytes + 999_999) / 1_000_000;
    }
}
