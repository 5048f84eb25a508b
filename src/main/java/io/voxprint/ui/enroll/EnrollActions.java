package io.voxprint.ui.enroll;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.EnrollmentRequest;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.TakeQuality;
import java.util.Optional;

/** What the Enroll view needs from the application; called off the FX thread. */
public interface EnrollActions {
    /** Decodes the take and runs the quality checks (net speech, clipping, SNR). */
    TakeQuality assessTake(Take take, Progress progress) throws Exception;

    /** Why this desk may not enroll (a verify-only database role), as one sentence; empty when it may. */
    default Optional<String> whyEnrollingIsRefused() throws Exception {
        return Optional.empty();
    }

    /** Embeds the takes and stores the new speaker; the name must not be taken yet. */
    SpeakerSummary enroll(EnrollmentRequest request, Progress progress) throws Exception;
}
