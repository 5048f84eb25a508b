package io.voxprint.scoring;

/**
 * The parts of the diarization error rate, in seconds of speaker time (a moment with two reference
 * speakers counts twice). {@code scored} is the reference speaker time that was scored (after the
 * collar and, when asked, without overlapped speech).
 */
public record DiarizationError(double missed, double falseAlarm, double confusion, double scored) {

    /** Adds another file's figures, as NIST's md-eval does over a set of recordings. */
    public DiarizationError plus(DiarizationError other) {
        return new DiarizationError(missed + other.missed, falseAlarm + other.falseAlarm,
                confusion + other.confusion, scored + other.scored);
    }

    public double der() {
        return (missed + falseAlarm + confusion) / scored;
    }

    public double missedFraction() {
        return missed / scored;
    }

    public double falseAlarmFraction() {
        return falseAlarm / scored;
    }

    public double confusionFraction() {
        return confusion / scored;
    }
}
