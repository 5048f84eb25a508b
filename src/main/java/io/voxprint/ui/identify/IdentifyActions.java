package io.voxprint.ui.identify;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.IdentificationOutcome;
import io.voxprint.ui.values.Take;

/** What the Identify view needs from the application; called off the FX thread. */
public interface IdentifyActions {
    IdentificationOutcome identify(Take take, Progress progress) throws Exception;
}
