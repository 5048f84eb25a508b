package io.voxprint.ui.verify;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.ProvisionalScore;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.Take;
import io.voxprint.ui.values.VerificationOutcome;
import java.util.List;
import java.util.Optional;

/** What the Verify view needs from the application; called off the FX thread. */
public interface VerifyActions {
    List<SpeakerSummary> listSpeakers() throws Exception;

    VerificationOutcome verify(String speakerId, Take take, Progress progress) throws Exception;

    /**
     * A provisional score on the recording so far; empty while there is not enough speech. Never
     * audited: only {@link #verify} decides.
     */
    Optional<ProvisionalScore> provisionalScore(String speakerId, Take.Recorded soFar) throws Exception;
}
