package io.voxprint.app.diarize;

/**
 * Partial results as they come, called on the thread that runs the diarization. Segments arrive in
 * time order and are final when they arrive (an unknown voice keeps the number it got first), so a
 * timeline can draw them at once.
 */
public interface DiarizationListener {
    DiarizationListener NONE = new DiarizationListener() { };

    default void segment(DiarizedSegment segment) {
    }

    /** {@code seconds} of the recording have been decoded; {@code total} is -1 while unknown. */
    default void progress(double seconds, double total) {
    }
}
