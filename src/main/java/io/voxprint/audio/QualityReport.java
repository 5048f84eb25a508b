package io.voxprint.audio;

import java.util.List;

/**
 * Figures on a 16 kHz mono track, and the problems that make it a poor enrolment or test sample.
 *
 * @param seconds          duration of the track
 * @param netSpeechSeconds duration of the frames judged to be speech
 * @param clippingRatio    fraction of samples at or beyond 99% of full scale
 * @param snrDb            speech-frame over noise-frame energy in dB (0 when there is no speech,
 *                         60 at most, when the pauses are digital silence)
 * @param problems         readable sentences such as "4% of samples clipped"; empty when fine
 */
public record QualityReport(double seconds, double netSpeechSeconds, double clippingRatio, double snrDb,
                            List<String> problems) {

    public QualityReport {
        problems = List.copyOf(problems);
    }

    /** True when no problem was found. */
    public boolean usable() {
        return problems.isEmpty();
    }
}
