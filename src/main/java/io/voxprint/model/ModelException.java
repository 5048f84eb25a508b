package io.voxprint.model;

import io.voxprint.common.UserFacing;

/** A failure to load or run the speaker model; {@link #getMessage()} is one sentence fit for the user. */
public final class ModelException extends RuntimeException implements UserFacing {
    private static final long serialVersionUID = 1L;

    public ModelException(String msg) {
        super(msg);
    }

    public ModelException(String msg, Throwable cause) {
        super(msg, cause);
    }
}
