package io.voxprint.audio.capture;

/** Called on the capture thread; a UI must hand the values over to its own thread. */
public interface CaptureListener {
    /** One block of mono samples as read from the line (the array is not reused). */
    void onBlock(float[] samples, Level level);

    /** The recording ended by itself (maximum length reached or the line failed). */
    default void onFinished(CapturedAudio audio, StopReason reason) {
    }

    enum StopReason { MAX_LENGTH, LINE_ENDED }
}
