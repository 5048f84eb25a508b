package io.voxprint.audio;

import io.voxprint.common.UserFacing;

/**
 * Any failure to read or prepare audio that the user caused or can act on. The message is one
 * readable sentence naming the source; the cause, when there is one, goes only to the log.
 */
public final class AudioException extends RuntimeException implements UserFacing {
    private static final long serialVersionUID = 1L;

    public AudioException(String message) {
        super(message);
    }

    public AudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
