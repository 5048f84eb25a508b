package io.voxprint.ui.photo;

import java.util.Optional;

/** A source of a speaker's photo; every method may block, so call them off the FX thread. */
public interface Camera {
    /** Empty when a photo can be taken, otherwise the one sentence saying why not. */
    Optional<String> unavailableReason();

    /** @return the photo as PNG bytes */
    byte[] takePhoto() throws CameraException;
}
