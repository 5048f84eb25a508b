package io.voxprint.ui;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.shell.ModelSetupActions;
import io.voxprint.ui.values.ModelStatus;
import java.nio.file.Path;

/** Model setup for tests about loading the model found at start: downloading or choosing a file is not part of them. */
abstract class LoadingOnlyModelSetup implements ModelSetupActions {
    @Override
    public ModelStatus download(Progress progress) {
        throw new UnsupportedOperationException("not in this test");
    }

    @Override
    public ModelStatus useLocalFile(Path file, Progress progress) {
        throw new UnsupportedOperationException("not in this test");
    }
}
