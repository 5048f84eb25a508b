package io.voxprint.app.diarize;

/**
 * One stretch of a recording given to one voice.
 *
 * @param start   seconds from the start of the recording
 * @param end     seconds from the start of the recording
 * @param speaker the enrolled speaker's name, or {@code unknown-1}, {@code unknown-2}... for voices
 *                nobody enrolled (the same voice keeps its number through the recording)
 * @param known   whether {@code speaker} is an enrolled speaker
 * @param score   the stretch's score against the closest enrolled speaker (cosine, or the
 *                AS-normalised score when AS-norm is on); for an unknown voice it is below the threshold
 */
public record DiarizedSegment(double start, double end, String speaker, boolean known, double score) {

    public double duration() {
        return end - start;
    }
}
