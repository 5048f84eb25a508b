package io.voxprint.model.hub;

import io.voxprint.common.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk layout of one model repository in the Hub cache, byte for byte the one huggingface_hub writes:
 * <pre>
 * {hubCache}/.locks/models--owner--name/{etag}.lock
 * {hubCache}/models--owner--name/blobs/{etag}
 * {hubCache}/models--owner--name/refs/{revision}            (text: the commit hash, no newline)
 * {hubCache}/models--owner--name/snapshots/{commit}/{file}  (relative link ../../blobs/{etag})
 * {hubCache}/models--owner--name/.no_exist/{commit}/{file}  (empty: the file is known to be absent)
 * </pre>
 * No CACHEDIR.TAG is written: huggingface_hub 1.10 and later write one, but earlier versions' scan_cache_dir report it as a corrupted
 * repository, and users of those versions are many.
 */
final class HubCache {
    private static final Logger LOG = LoggerFactory.getLogger(HubCache.class);
    static final Pattern COMMIT_HASH = Pattern.compile("^[0-9a-f]{40}$");
    static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    // huggingface_hub's repo id rule: optional namespace, word characters, '-' and '.', no '--' or '..'.
    private static final Pattern REPO_ID = Pattern.compile("^([\\w\\-.]+/)?[\\w\\-.]{1,96}$");
    private static final Map<Path, Boolean> SYMLINKS_SUPPORTED = new ConcurrentHashMap<>();

    private final Path hubCache;
    private final String repoFolderName;
    private final Path storage;
    private final boolean disableSymlinks;

    HubCache(Path hubCache, String repoId, boolean disableSymlinks) {
        validateRepoId(repoId);
        Objects.requireNonNull(hubCache, "hubCache");
        this.hubCache = hubCache.toAbsolutePath().normalize();
        this.repoFolderName = "models--" + repoId.replace("/", "--");
        this.storage = this.hubCache.resolve(repoFolderName);
        this.disableSymlinks = disableSymlinks;
    }

    static void validateRepoId(String repoId) {
        if (repoId == null || !REPO_ID.matcher(repoId).matches() || repoId.contains("--") || repoId.contains("..")
                || repoId.startsWith("-") || repoId.endsWith(".")) {
            throw new HubException(HubException.Reason.LOCAL, "'" + repoId + "' is not a valid Hugging Face repository id.");
        }
    }

    /** A file name relative to the repository root that stays inside it (no absolute path, no ".." part). */
    static void validateFilename(String filename) {
        boolean bad = filename == null || filename.isBlank() || filename.startsWith("/") || filename.startsWith("\\")
                || filename.contains("\0");
        if (!bad) {
            for (String part : filename.split("[/\\\\]")) {
                bad |= part.equals("..");
            }
        }
        if (bad) {
            throw new HubException(HubException.Reason.LOCAL, "'" + filename + "' is not a valid file name inside a repository.");
        }
    }

    static boolean isCommitHash(String revision) {
        return COMMIT_HASH.matcher(revision).matches();
    }

    Path storage() {
        return storage;
    }

    Path blob(String etag) {
        return storage.resolve("blobs").resolve(etag);
    }

    Path incomplete(String etag) {
        return storage.resolve("blobs").resolve(etag + ".incomplete");
    }

    Path lockFile(String etag) {
        return hubCache.resolve(".locks").resolve(repoFolderName).resolve(etag + ".lock");
    }

    Path ref(String revision) {
        return inside(storage.resolve("refs"), revision, "revision");
    }

    /** snapshots/{commit}/{filename}; refuses names that would step outside snapshots/. */
    Path pointer(String commit, String filename) {
        Path snapshots = storage.resolve("snapshots");
        Path commitDir = inside(snapshots, commit, "revision");
        return inside(commitDir, filename, "file name");
    }

    private static Path inside(Path parent, String relative, String what) {
        Path resolved = parent.resolve(relative).normalize();
        if (relative.isEmpty() || Path.of(relative).isAbsolute() || !resolved.startsWith(parent) || resolved.equals(parent)) {
            throw new HubException(HubException.Reason.LOCAL, "The " + what + " '" + relative + "' is not a valid path inside the cache.");
        }
        return resolved;
    }

    /** The commit a revision points to in the cache: itself when it is a hash, else refs/{revision}, else itself. */
    String commitFor(String revision) {
        if (isCommitHash(revision)) {
            return revision;
        }
        Path ref = ref(revision);
        if (Files.isRegularFile(ref)) {
            try {
                return Files.readString(ref, StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("Could not read {}", ref, e);
            }
        }
        // As try_to_load_from_cache: without a ref the revision may still name a snapshot folder.
        return revision;
    }

    /** The cached file for a revision, if its pointer exists and leads to a real file. */
    Optional<Path> cachedPointer(String revision, String filename) {
        String commit = commitFor(revision);
        Path pointer;
        try {
            pointer = pointer(commit, filename);
        } catch (HubException invalid) {
            return Optional.empty();
        }
        return Files.isRegularFile(pointer) ? Optional.of(pointer) : Optional.empty();
    }

    /** Records revision -> commit, only for branch or tag names and only when it changed. Atomic. */
    void writeRef(String revision, String commit) throws IOException {
        if (revision.equals(commit)) {
            return;
        }
        Path ref = ref(revision);
        if (Files.isRegularFile(ref) && commit.equals(Files.readString(ref, StandardCharsets.UTF_8))) {
            return;
        }
        Files.createDirectories(ref.getParent());
        Path tmp = ref.resolveSibling(ref.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        try {
            Files.writeString(tmp, commit, StandardCharsets.UTF_8);
            moveAtomically(tmp, ref);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Remembers that the file is absent at that commit, as huggingface_hub does after a 404 (best effort). */
    void markNoExist(String commit, String filename) {
        try {
            Path marker = inside(inside(storage.resolve(".no_exist"), commit, "revision"), filename, "file name");
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        } catch (IOException | HubException e) {
            LOG.warn("Could not record that {} is absent at {}", filename, commit, e);
        }
    }

    /**
     * Makes {@code pointer} lead to {@code blob}: a relative link (so the cache survives being moved), else a real file:
     * a new blob is moved (no second copy of a large file), an existing one copied (other snapshots may use it).
     */
    void linkPointer(Path blob, Path pointer, boolean newBlob) throws IOException {
        Files.createDirectories(pointer.getParent());
        if (symlinksSupported()) {
            Path relative = pointer.getParent().relativize(blob);
            // Link at a temporary name, then rename over: readers never see a missing or half-made pointer.
            Path tmp = pointer.resolveSibling("." + pointer.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
            try {
                Files.createSymbolicLink(tmp, relative);
                moveAtomically(tmp, pointer);
                return;
            } catch (UnsupportedOperationException | FileSystemException e) {
                LOG.warn("Could not create a link at {}; storing a copy instead", pointer, e);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        if (newBlob) {
            moveAtomically(blob, pointer);
        } else {
            Path tmp = pointer.resolveSibling("." + pointer.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
            try {
                Files.copy(blob, tmp, StandardCopyOption.REPLACE_EXISTING);
                moveAtomically(tmp, pointer);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Probed once per cache folder with a relative link, as huggingface_hub's are_symlinks_supported does. */
    private boolean symlinksSupported() {
        if (disableSymlinks) {
            return false;
        }
        return SYMLINKS_SUPPORTED.computeIfAbsent(hubCache, dir -> {
            Path probe = null;
            try {
                Files.createDirectories(dir);
                probe = Files.createTempDirectory(dir, "tmp");
                Path src = Files.createFile(probe.resolve("dummy_file_src"));
                Files.createSymbolicLink(probe.resolve("dummy_file_dst"), src.getFileName());
                return true;
            } catch (UnsupportedOperationException | IOException e) {
                LOG.warn("Links are not supported in {}; the cache will hold copies", dir, e);
                return false;
            } finally {
                deleteQuietly(probe);
            }
        });
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("Could not remove probe folder {}", dir, e);
        }
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        AtomicFiles.move(from, to);
    }
}
