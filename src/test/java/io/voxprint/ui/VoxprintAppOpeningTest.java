package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.settings.SettingsStore;
import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.ui.settings.StoredSettingsActions;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.values.ModelStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opens the database off the FX thread: the first frame stays responsive while it opens,
 * the views replace it once it is open (the section shown once whole, the model's load started only
 * then), and a window closed meanwhile releases what was opened.
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class VoxprintAppOpeningTest {
    @TempDir
    static Path dir;
    private final CountDownLatch opening = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicBoolean openedOnFx = new AtomicBoolean(true);
    private final CountDownLatch returned = new CountDownLatch(1);
    /** The native libraries' start, held open by a test that wants to see what waits for it */
    private final CompletableFuture<Void> natives = new CompletableFuture<>();
    private static final ModelStatus MODEL = new ModelStatus("ecapa2-test.pt", "local", "current");
    private final CountDownLatch loadStarted = new CountDownLatch(1);
    private final AtomicBoolean sectionWholeAtLoad = new AtomicBoolean();
    private VoxprintApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        VoxprintApp.useActions(dialogs -> {
            openedOnFx.set(Platform.isFxApplicationThread());
            opening.countDown();
            try {
                // bounded only so that an opening on the FX thread (the defect) fails the test instead of hanging it
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            UiActions a = UiActions.unavailable(new StoredSettingsActions(new SettingsStore(dir.resolve("settings.json"))),
                    "test", "Not opened in this test.", List.of());
            returned.countDown();
            return new UiActions(new RecordingModelSetup(), a.enroll(), a.verify(), a.identify(), a.features(), a.speakers(),
                    a.timeline(), a.settings(), a.camera(), () -> Optional.of(MODEL), a.databaseLocation(), a.databaseProblem(),
                    a.notices(), released::countDown);
        }, () -> natives);
        app = new VoxprintApp();
        app.start(stage);
    }

    @AfterEach
    void reset() {
        release.countDown();
        VoxprintApp.useActions(dialogs -> UiActions.notConnected(), () -> CompletableFuture.completedFuture(null));
    }

    @Test
    void theFirstFrameStaysResponsiveWhileTheDatabaseOpensThenTheViewsReplaceIt() throws Exception {
        natives.complete(null);
        assertTrue(opening.await(60, TimeUnit.SECONDS), "the database was never opened");
        assertFalse(openedOnFx.get(), "the database was opened on the FX thread");
        // the FX thread answers while the opening still waits
        assertEquals("Opening the voiceprint database...",
                WaitForAsyncUtils.asyncFx(() -> ((Text) ((StackPane) stage.getScene().getRoot()).getChildren().get(0)).getText())
                        .get(30, TimeUnit.SECONDS));
        release.countDown();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> stage.getScene().getRoot() instanceof MainWindow));
        assertInstanceOf(MainWindow.class, fx(() -> stage.getScene().getRoot()));
        // the section shown first comes on screen over several pulses, hidden until whole
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> ((MainWindow) stage.getScene().getRoot()).current().isVisible()));
    }

    @Test
    void theViewsWaitForTheNativeLibrariesToLoad() throws Exception {
        release.countDown();
        assertTrue(returned.await(60, TimeUnit.SECONDS), "the database was never opened");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> stage.getScene().getRoot() instanceof MainWindow), "the views came while libtorch's libraries loaded");
        natives.complete(null);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> stage.getScene().getRoot() instanceof MainWindow));
    }

    @Test
    void aWindowClosedWhileTheDatabaseOpensReleasesItOnceOpen() throws Exception {
        natives.complete(null);
        assertTrue(opening.await(60, TimeUnit.SECONDS), "the database was never opened");
        Scene scene = fx(stage::getScene);
        app.stop();
        release.countDown();
        assertTrue(released.await(60, TimeUnit.SECONDS), "what was opened after the window closed was never released");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> scene.getRoot() instanceof MainWindow), "the views were built for a closed window");
    }

    @Test
    void theModelStartsLoadingOnceTheFirstSectionIsWhole() throws Exception {
        natives.complete(null);
        release.countDown();
        assertTrue(loadStarted.await(60, TimeUnit.SECONDS), "the model never started loading");
        assertTrue(sectionWholeAtLoad.get(), "the model's load began before the first section was on screen");
    }

    /** Notes whether the first section was whole (in the window and shown) when the model's load was asked for. */
    private final class RecordingModelSetup extends LoadingOnlyModelSetup {
        @Override
        public ModelStatus loadCurrent(Progress progress) throws Exception {
            sectionWholeAtLoad.set(fx(() -> stage.getScene().getRoot() instanceof MainWindow window && window.current().isVisible()));
            loadStarted.countDown();
            return MODEL;
        }

        @Override
        public void warmUp(Progress progress) {
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
