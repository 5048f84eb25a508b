package io.voxprint.scoring;

/**
 * One stretch of time, in seconds from the start of a recording, given to one speaker label.
 * Segments of one label may touch or overlap; scoring takes their union.
 */
public record SpeakerSegment(double start, double end, String speaker) {

    public SpeakerSegment {
        if (!(Double.isFinite(start) && Double.isFinite(end)) || start < 0 || end < start) {
            throw new ScoringException("A segment must start at or after 0 s and end after it starts (got "
                    + start + " to " + end + " s).");
        }
        if (speaker == null || speaker.isBlank()) {
            throw new ScoringException("A segment needs a speaker label.");
        }
    }

    public double duration() {
        return end - start;
    }
}
