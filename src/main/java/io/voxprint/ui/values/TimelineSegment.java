package io.voxprint.ui.values;

/**
 * One stretch of a recording given to one voice, as the timeline shows it.
 *
 * @param start   seconds from the start of the recording
 * @param end     seconds from the start of the recording
 * @param speaker the voice's key: an enrolled speaker's name, or {@code unknown-1}, {@code unknown-2}...
 * @param known   whether the voice is an enrolled speaker
 * @param score   the stretch's score against the closest enrolled speaker
 */
public record TimelineSegment(double start, double end, String speaker, boolean known, double score) {
    public double duration() {
        return end - start;
    }
}
