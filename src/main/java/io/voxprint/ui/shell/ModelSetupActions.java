package io.voxprint.ui.shell;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.ModelStatus;
import java.nio.file.Path;

/** How the first-start screen obtains a model; called off the FX thread. */
public interface ModelSetupActions {
    /** Downloads the model from Hugging Face (reporting progress 0..1) and loads it. */
    ModelStatus download(Progress progress) throws Exception;

    /** Loads a TorchScript file the user already has. */
    ModelStatus useLocalFile(Path file, Progress progress) throws Exception;

    /** Loads the model found at start (or after a settings change). */
    ModelStatus loadCurrent(Progress progress) throws Exception;

    /**
     * One call on the loaded model, so that the user's first verification does not pay libtorch's
     * first-call costs; run in the background after a load, while nobody waits.
     */
    void warmUp(Progress progress) throws Exception;
}
