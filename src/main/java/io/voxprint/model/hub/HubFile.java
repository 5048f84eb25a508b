package io.voxprint.model.hub;

import java.nio.file.Path;

/**
 * A file in the Hub cache.
 *
 * @param path       {@code snapshots/<commit>/<filename>} (a link into blobs/, or a real file where links are impossible)
 * @param revision   the revision asked for (branch, tag or commit)
 * @param commit     the commit hash the revision resolved to
 * @param etag       the blob name (sha256 for LFS files); null for a cached real file whose blob name is unknown
 * @param size       size in bytes
 * @param downloaded true when this call fetched the bytes, false when they came from the cache
 */
public record HubFile(Path path, String repoId, String filename, String revision, String commit, String etag,
                      long size, boolean downloaded) {
}
