package io.voxprint.ui.enroll;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.EnrollmentRequest;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.TakeQuality;

/** What the Enroll view needs from the application; called off the FX thread. */
public interface EnrollActions {
    /** Decodes the take and runs the quality checks (net speech, clipping, SNR). */
    TakeQuality assessTake(Take take, Progress progress) throws Exception;

    /** Embeds the takes and stores the new speaker; the name must not be taken yet. */
    SpeakerSummary enroll(EnrollmentRequest request, Progress progress) throws Exception;
}
