package io.voxprint.ui.photo;

import io.voxprint.common.UserFacing;

/** A photo could not be taken; the message is one sentence for the user. */
public final class CameraException extends Exception implements UserFacing {
    public CameraException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
