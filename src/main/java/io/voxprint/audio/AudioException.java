package io.voxprint.audio;

/**
 * Any failure to read or prepare audio that the user caused or can act on. The message is one
 * readable sentence naming the source; the cause, when there is one, goes only to the log.
 */
public final class AudioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AudioException(String message) {
        super(message);
    }

    public AudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
