package io.voxprint.ui.photo;

/** A photo could not be taken; the message is one sentence for the user. */
public final class CameraException extends Exception {
    public CameraException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
