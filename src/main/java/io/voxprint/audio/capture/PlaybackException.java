package io.voxprint.audio.capture;

import io.voxprint.common.UserFacing;

/** A take could not be played; the message is one sentence meant for the user. */
public final class PlaybackException extends Exception implements UserFacing {
    public static final String NO_OUTPUT = "No sound output device was found, so the take cannot be played.";

    public PlaybackException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
