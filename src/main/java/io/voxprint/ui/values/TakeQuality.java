package io.voxprint.ui.values;

import java.util.List;

/**
 * Quality figures of a take as the audio checks report them.
 *
 * @param netSpeechSeconds speech left after removing silence
 * @param clippedFraction  share of samples at full scale (0..1)
 * @param snrDb            estimated signal-to-noise ratio
 * @param acceptable       whether the take may be used for enrolment
 * @param reasons          one sentence per problem found (empty when fine)
 */
public record TakeQuality(double netSpeechSeconds, double clippedFraction, double snrDb, boolean acceptable,
                          List<String> reasons) {
    public TakeQuality {
        reasons = List.copyOf(reasons);
    }
}
