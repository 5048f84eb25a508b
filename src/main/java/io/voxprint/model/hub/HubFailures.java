package io.voxprint.model.hub;

import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpRetryException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * The one sentence a user reads when getting a file from the Hub fails, per cause: the Hub's answer,
 * the network, or the local disk (huggingface_hub's error codes and HTTP statuses).
 */
final class HubFailures {
    private final HubConfig config;

    HubFailures(HubConfig config) {
        this.config = config;
    }

    HubException status(HttpStatusException e, String what) {
        int s = e.status();
        String code = e.errorCode();
        if ("RevisionNotFound".equals(code)) {
            return new HubException(HubException.Reason.REVISION_NOT_FOUND, "The revision of " + what + " does not exist on " + config.endpoint() + ".", e);
        }
        if ("EntryNotFound".equals(code)) {
            return new HubException(HubException.Reason.ENTRY_NOT_FOUND, "The file " + what + " does not exist on " + config.endpoint() + ".", e);
        }
        if ("RepoNotFound".equals(code) || "GatedRepo".equals(code)) {
            return new HubException(HubException.Reason.REPOSITORY_NOT_FOUND, "The repository of " + what
                    + " was not found on " + config.endpoint() + ", or it is private or gated; check the name"
                    + (config.token() == null ? " or set HF_TOKEN to a token that may read it." : " and that HF_TOKEN may read it."), e);
        }
        if (s == 401 || s == 403) {
            return new HubException(HubException.Reason.UNAUTHORIZED, "The Hub refused access to " + what + " (HTTP " + s + "); "
                    + (config.token() == null ? "set HF_TOKEN (or log in with huggingface-cli) to a token that may read it."
                    : "the token in HF_TOKEN (or the saved login) is not allowed to read it."), e);
        }
        if (s == 404) {
            return new HubException(HubException.Reason.ENTRY_NOT_FOUND, "The Hub has no " + what
                    + " (HTTP 404); check the repository, file name and revision.", e);
        }
        if (s >= 500) {
            return new HubException(HubException.Reason.SERVER, "The Hub at " + config.endpoint() + " failed with HTTP " + s
                    + " while serving " + what + "; try again later.", e);
        }
        return new HubException(HubException.Reason.SERVER, "The Hub answered HTTP " + s + " for " + what + ".", e);
    }

    HubException network(IOException e, String what) {
        return new HubException(HubException.Reason.NETWORK, "Could not reach " + config.endpoint() + " to get " + what
                + " (" + describe(e) + "); check the connection, or use the cached model offline.", e);
    }

    HubException local(IOException e, String what) {
        if (isDiskFull(e)) {
            return new HubException(HubException.Reason.DISK_FULL, "There is no space left on the disk holding "
                    + config.hubCache() + " to store " + what + "; free some space and try again.", e);
        }
        return new HubException(HubException.Reason.LOCAL, "Could not store " + what + " in " + config.hubCache()
                + " (" + describe(e) + ").", e);
    }

    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
                    || m.contains("There is not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }

    static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpRetryException) {
            return "HTTP " + ((HttpRetryException) e).responseCode();
        }
        String m = e.getMessage();
        return m != null ? m : e.getClass().getSimpleName();
    }
}
