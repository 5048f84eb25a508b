package io.voxprint.app.core;

import io.voxprint.common.UserFacing;

/** A use-case level failure whose message is one sentence for the user. */
public final class VoxprintException extends RuntimeException implements UserFacing {
    private static final long serialVersionUID = 1L;

    public VoxprintException(String message) {
        super(message);
    }

    public VoxprintException(String message, Throwable cause) {
        super(message, cause);
    }
}
