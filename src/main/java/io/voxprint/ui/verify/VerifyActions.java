package io.voxprint.ui.verify;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.VerificationOutcome;
import java.util.List;

/** What the Verify view needs from the application; called off the FX thread. */
public interface VerifyActions {
    List<SpeakerSummary> listSpeakers() throws Exception;

    VerificationOutcome verify(String speakerId, Take take, Progress progress) throws Exception;
}
