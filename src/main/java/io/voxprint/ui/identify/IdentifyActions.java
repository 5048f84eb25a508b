package io.voxprint.ui.identify;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.IdentificationOutcome;
import io.voxprint.ui.values.ProvisionalRanking;
import io.voxprint.ui.values.Take;
import java.util.Optional;

/** What the Identify view needs from the application; called off the FX thread. */
public interface IdentifyActions {
    IdentificationOutcome identify(Take take, Progress progress) throws Exception;

    /**
     * A provisional ranking on the recording so far; empty while there is not enough speech. Never
     * audited: only {@link #identify} decides.
     */
    Optional<ProvisionalRanking> provisionalRanking(Take.Recorded soFar) throws Exception;
}
