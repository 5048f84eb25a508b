package io.voxprint.model.hub;

/** An HTTP answer other than success, with the Hub's own error headers kept for a precise message. */
final class HttpStatusException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final String repoCommit;

    HttpStatusException(int status, String errorCode, String errorMessage, String repoCommit, String url) {
        super("HTTP " + status + " for " + url + (errorCode != null ? " (" + errorCode + ")" : "")
                + (errorMessage != null ? ": " + errorMessage : ""));
        this.status = status;
        this.errorCode = errorCode;
        this.repoCommit = repoCommit;
    }

    int status() {
        return status;
    }

    /** The Hub's X-Error-Code: RepoNotFound, RevisionNotFound, EntryNotFound, GatedRepo, ... or null. */
    String errorCode() {
        return errorCode;
    }

    /** X-Repo-Commit of an error answer (set on EntryNotFound), or null. */
    String repoCommit() {
        return repoCommit;
    }

    /** Worth another try: the server or the path to it may recover. */
    boolean transientFailure() {
        return status >= 500 || status == 408 || status == 429;
    }
}
