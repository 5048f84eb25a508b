package io.voxprint.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.testing.LargeHeadlessScreen;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class FxThreadDialogsTest {
    /** Answers every question, remembering whether it was asked on the FX thread. */
    private final AtomicReference<Boolean> askedOnFx = new AtomicReference<>();
    private final DialogService fxOnly = new DialogService() {
        @Override
        public void showError(Throwable error) {
        }

        @Override
        public void showError(String sentence) {
        }

        @Override
        public void showInformation(String sentence) {
        }

        @Override
        public void showWarning(String sentence) {
        }

        @Override
        public boolean confirm(String question, String confirmLabel) {
            askedOnFx.set(Platform.isFxApplicationThread());
            if (question.equals("fail")) {
                throw new IllegalStateException("the dialog could not be shown");
            }
            return true;
        }

        @Override
        public Optional<char[]> askPassphrase(String prompt, boolean twice) {
            askedOnFx.set(Platform.isFxApplicationThread());
            return Optional.of("secret".toCharArray());
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.empty();
        }
    };

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void aQuestionFromABackgroundThreadIsAskedOnTheFxThreadAndAnswersTheAskingThread() {
        assertFalse(Platform.isFxApplicationThread());
        FxThreadDialogs dialogs = new FxThreadDialogs(fxOnly);
        assertTrue(dialogs.confirm("Encrypt the database?", "Encrypt"));
        assertEquals(Boolean.TRUE, askedOnFx.get());
        askedOnFx.set(null);
        assertEquals("secret", new String(dialogs.askPassphrase("Passphrase", false).orElseThrow()));
        assertEquals(Boolean.TRUE, askedOnFx.get());
    }

    @Test
    void aDialogThatFailsOnTheFxThreadFailsTheAskingThread() {
        FxThreadDialogs dialogs = new FxThreadDialogs(fxOnly);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> dialogs.confirm("fail", "OK"));
        assertEquals("the dialog could not be shown", e.getMessage());
    }
}
