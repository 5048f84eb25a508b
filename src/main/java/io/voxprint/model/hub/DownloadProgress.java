package io.voxprint.model.hub;

/** Receives download progress; called from the downloading thread, so keep it quick. */
@FunctionalInterface
public interface DownloadProgress {
    DownloadProgress NONE = (done, total) -> { };

    /**
     * @param bytesDone  bytes on disk so far, including bytes kept from an earlier interrupted attempt
     * @param bytesTotal the published file size, or -1 when unknown
     */
    void update(long bytesDone, long bytesTotal);
}
