package io.voxprint.model.hub;

import io.voxprint.common.UserFacing;

/**
 * A failure to find or fetch a model file, carrying one sentence a user can act on.
 * The {@link Reason} lets callers choose an exit code or a fallback without parsing the message.
 */
public final class HubException extends RuntimeException implements UserFacing {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Offline mode is on and the file is not in the cache. */
        OFFLINE_NOT_CACHED,
        /** The repository does not exist, or is private or gated and the token does not open it. */
        REPOSITORY_NOT_FOUND,
        /** The revision (branch, tag or commit) does not exist in the repository. */
        REVISION_NOT_FOUND,
        /** The file does not exist at that revision. */
        ENTRY_NOT_FOUND,
        /** HTTP 401 or 403. */
        UNAUTHORIZED,
        /** No connection, DNS failure, timeout or an interrupted transfer that could not be resumed. */
        NETWORK,
        /** HTTP 5xx or another unexpected answer from the server. */
        SERVER,
        /** The downloaded bytes do not match the published size or checksum. */
        VERIFICATION,
        /** The disk holding the cache is full. */
        DISK_FULL,
        /** Another process kept the download lock longer than we were willing to wait. */
        LOCKED,
        /** Any other local input/output problem, or an invalid argument or configuration. */
        LOCAL
    }

    private final Reason reason;

    public HubException(Reason reason, String sentence) {
        super(sentence);
        this.reason = reason;
    }

    public HubException(Reason reason, String sentence, Throwable cause) {
        super(sentence, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
