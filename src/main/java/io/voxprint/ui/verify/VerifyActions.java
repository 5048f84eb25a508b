package io.voxprint.ui.verify;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.model.SpeakerSummary;
import io.voxprint.ui.model.Take;
import io.voxprint.ui.model.VerificationOutcome;
import java.util.List;

/** What the Verify view needs from the application; called off the FX thread. */
public interface VerifyActions {
    List<SpeakerSummary> listSpeakers() throws Exception;

    VerificationOutcome verify(String speakerId, Take take, Progress progress) throws Exception;
}
