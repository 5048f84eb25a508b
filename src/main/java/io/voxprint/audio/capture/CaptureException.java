package io.voxprint.audio.capture;

import io.voxprint.common.UserFacing;

/** A recording could not be made; the message is one sentence meant for the user. */
public final class CaptureException extends Exception implements UserFacing {
    public static final String NO_MICROPHONE = "No microphone was found; you can still import audio files.";

    public CaptureException(String sentence) {
        super(sentence);
    }

    public CaptureException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
