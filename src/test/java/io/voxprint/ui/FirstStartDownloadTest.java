package io.voxprint.ui;

import io.voxprint.testing.PythonReference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.common.NamedExecutors;
import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.ui.common.FxTaskRunner;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.shell.ProtectionQuestions;
import io.voxprint.ui.wiring.ConnectedUi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * First start with nothing installed: the Download button fetches the model from a Hub on
 * 127.0.0.1 (real HTTP, the real downloader and cache), the progress bar moves, the model loads and
 * the sections unlock.
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class FirstStartDownloadTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    @TempDir
    Path home;
    private Stage stage;
    private HttpServer hub;
    private UiActions actions;
    private final List<Double> progressSeen = new CopyOnWriteArrayList<>();
    private volatile long pauseMillis = 20;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (actions != null) {
            actions.shutdown().run();
        }
        if (hub != null) {
            hub.stop(0);
        }
    }

    /** /Jenthe/ECAPA2/resolve/main/ecapa2.pt redirects to /blob/SHA with the Hub's headers; the blob is served in slices. */
    private void serve(byte[] model) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hub.createContext("/Jenthe/ECAPA2/resolve/", ex -> {
            try (ex) {
                if (!ex.getRequestURI().getPath().endsWith("/main/ecapa2.pt")) {
                    ex.getResponseHeaders().set("X-Error-Code", "EntryNotFound");
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                ex.getResponseHeaders().set("X-Repo-Commit", COMMIT);
                ex.getResponseHeaders().set("X-Linked-Etag", "\"" + sha + "\"");
                ex.getResponseHeaders().set("X-Linked-Size", Long.toString(model.length));
                ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + hub.getAddress().getPort() + "/blob/" + sha);
                ex.sendResponseHeaders(302, -1);
            }
        });
        hub.createContext("/blob/", ex -> blob(ex, model, pauseMillis));
        hub.start();
    }

    private static void blob(HttpExchange ex, byte[] model, long pauseMillis) throws IOException {
        try (ex) {
            long from = 0;
            String range = ex.getRequestHeaders().getFirst("Range");
            if (range != null && range.startsWith("bytes=")) {
                from = Long.parseLong(range.substring(6, range.indexOf('-')));
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (model.length - 1) + "/" + model.length);
            }
            ex.sendResponseHeaders(range != null ? 206 : 200, model.length - from);
            if (ex.getRequestMethod().equals("HEAD")) {
                return;
            }
            try (OutputStream out = ex.getResponseBody()) {
                // Slices with pauses, so the progress bar has something to show.
                for (int i = (int) from; i < model.length; i += 16_384) {
                    out.write(model, i, Math.min(16_384, model.length - i));
                    out.flush();
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private MainWindow openWindow(FxRobot robot, SettingsStore store, RecordingDialogService dialogs) throws Exception {
        Map<String, String> env = Map.of("HF_HOME", home.resolve("hf").toString(),
                "HF_ENDPOINT", "http://127.0.0.1:" + hub.getAddress().getPort());
        store.save(new Settings("", "main", null, false, "", false, home.resolve("data").toString()));
        dialogs.choiceAnswers.add(ProtectionQuestions.NO_PROTECTION);
        actions = ConnectedUi.create(env, store, dialogs);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = VoxprintUi.build(actions, new FxTaskRunner(NamedExecutors.cached("test-ui-task"), dialogs::showError), dialogs);
            stage.setScene(new Scene(window[0], 1280, 800));
            stage.show();
        });
        return window[0];
    }

    /** Read on the FX thread, where the window's state changes: read from the test's thread, a change could be seen half made. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /** Waits for a state of the window, read on the FX thread; the limit only ends a hung test. */
    private static void waitOnFx(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    @Test
    void aCancelledDownloadStopsKeepsWhatArrivedAndLeavesTheWindowLocked(FxRobot robot) throws Exception {
        pauseMillis = 400;
        serve(Files.readAllBytes(PythonReference.FIXTURE_MODEL));
        RecordingDialogService dialogs = new RecordingDialogService();
        MainWindow window = openWindow(robot, new SettingsStore(home.resolve("settings.json")), dialogs);
        javafx.scene.control.ProgressBar bar = robot.lookup("#download-progress").queryAs(javafx.scene.control.ProgressBar.class);
        robot.clickOn("#download-model");
        waitOnFx(() -> bar.getProgress() > 0);
        robot.clickOn("#cancel-download");
        waitOnFx(() -> !robot.lookup("#cancel-download").query().isVisible());
        assertEquals("The download was cancelled; what arrived is kept and the next download continues from there.",
                onFx(() -> robot.lookup("#first-start-status").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> window.rail().isDisabled()), "still no model");
        try (Stream<Path> left = Files.walk(home.resolve("hf"))) {
            assertTrue(left.anyMatch(p -> p.toString().endsWith(".incomplete")), "the partial download is kept for a resume");
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void downloadingTheModelShowsProgressThenUnlocksTheWindow(FxRobot robot) throws Exception {
        byte[] model = Files.readAllBytes(PythonReference.FIXTURE_MODEL);
        serve(model);
        SettingsStore store = new SettingsStore(home.resolve("settings.json"));
        RecordingDialogService dialogs = new RecordingDialogService();
        MainWindow window = openWindow(robot, store, dialogs);
        assertTrue(onFx(() -> window.rail().isDisabled()));
        javafx.scene.control.ProgressBar bar = robot.lookup("#download-progress").queryAs(javafx.scene.control.ProgressBar.class);
        robot.interact(() -> bar.progressProperty().addListener((o, old, now) -> progressSeen.add(now.doubleValue())));

        robot.clickOn("#download-model");
        try {
            waitOnFx(() -> !window.rail().isDisabled());
        } catch (TimeoutException e) {
            fail("the downloaded model did not load; status: " + onFx(() -> robot.lookup("#first-start-status").queryAs(Label.class).getText())
                    + ", errors: " + dialogs.errors);
        }
        assertEquals("Model: ecapa2.pt \u00b7 revision main @ 0123456 \u00b7 ecapa2(audio, label)",
                onFx(() -> robot.lookup("#status-model").queryAs(Label.class).getText()));
        assertTrue(progressSeen.stream().anyMatch(p -> p > 0 && p < 1), "progress between 0 and 1 was shown: " + progressSeen);
        Path cached = home.resolve("hf").resolve("hub").resolve("models--Jenthe--ECAPA2").resolve("snapshots").resolve(COMMIT)
                .resolve("ecapa2.pt");
        assertArrayEquals(model, Files.readAllBytes(cached), "the model lies in the Hugging Face cache layout, byte for byte");
        assertEquals("", store.load().settings().modelFile(), "the download, not a file, is remembered");
        try (Stream<Path> left = Files.walk(home.resolve("hf"))) {
            assertTrue(left.noneMatch(p -> p.toString().endsWith(".incomplete")), "no partial file is left");
        }
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
