package io.voxprint.app.verify;

import java.util.List;

/**
 * A verification decision.
 *
 * @param score     cosine between the recording and the speaker's voiceprint
 * @param normScore AS-normalised score, or null when AS-norm is off
 * @param llr       natural-log likelihood ratio from the model's calibration, or null when uncalibrated
 * @param threshold the threshold the decision used (on normScore when AS-norm is on, else on score)
 */
public record VerifyResult(String speaker, double score, Double normScore, Double llr, double threshold,
        boolean accepted, List<String> warnings) {
}
