package io.voxprint.ui;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.common.NamedExecutors;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.testing.FakeMicrophone;
import io.voxprint.ui.common.FxTaskRunner;
import io.voxprint.ui.enroll.TakeList;
import io.voxprint.ui.components.ScoreGauge;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.wiring.AppSession;
import io.voxprint.ui.shell.ProtectionQuestions;
import io.voxprint.ui.wiring.ConnectedUi;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Takes the user guide's screenshots from the real application in a real window (run under Xvfb by
 * tools/screenshots.sh): the real facade on the fixture model, a fresh database with three enrolled
 * voices, the test microphone that plays a recording. It drives the window through its controls
 * (buttons fired, fields filled, file choosers answered from a list) and captures the screen with
 * JavaFX's Robot. Not a test: nothing here is asserted beyond "the expected thing appeared".
 *
 * <pre>java -cp target/classes:target/test-classes:DEPS io.voxprint.ui.ScreenshotTour OUT_DIR</pre>
 */
public final class ScreenshotTour {
    private static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));
    private static final Path E2E = RESOURCES.resolve("e2e");
    private static final Path MODEL = RESOURCES.resolve("model").resolve("ecapa2-fixture.pt").toAbsolutePath();
    private static Path out;
    private static Path home;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "docs/images").toAbsolutePath();
        Files.createDirectories(out);
        home = Files.createTempDirectory("voxprint-tour");
        enrollThreeVoices();
        FakeMicrophone.installEndingAfter(E2E.resolve("alice-4.wav"), 4.0);
        // The class started by "java" must not be an Application (the class-path launcher check refuses it).
        Application.launch(App.class, args);
        // as the application ends (Main): the C library's exit handlers abort next to libtorch
        io.voxprint.model.QuickExit.now(0);
    }

    private static Map<String, String> env() {
        return Map.of("HF_HOME", home.resolve("hf").toString(), "HF_HUB_OFFLINE", "1");
    }

    private static Settings settings(boolean withModel) {
        return new Settings(withModel ? MODEL.toString() : "", "main", null, false, "", false,
                home.resolve(withModel ? "data" : "data-empty").toString());
    }

    /** Alice, Bob and Carol with three takes each, two of them with a drawn portrait, through the use cases. */
    private static void enrollThreeVoices() throws Exception {
        Path db = home.resolve("data").resolve(AppSession.DATABASE_NAME);
        AppConfig config = AppConfig.fromEnvironment(env(), db, MODEL, null, "main", true);
        try (AppContext v = AppContext.open(config, ScoringOptions.defaults())) {
            String[][] voices = {{"alice", "Alice Martin", "#c0507a"}, {"bob", "Bob Okafor", "#3a7bd5"}, {"carol", "Carol Reid", null}};
            for (String[] who : voices) {
                List<AudioSource> takes = new ArrayList<>();
                for (int k = 1; k <= 3; k++) {
                    takes.add(AudioSource.file(E2E.resolve(who[0] + "-" + k + ".wav")));
                }
                v.enroll().enroll(who[1], takes, false, who[2] == null ? null : portrait(who[1], who[2]));
            }
            // Calibrated, so the automatic threshold is the calibrated one and verification shows an LLR.
            v.calibrate().run();
        }
    }

    private static byte[] portrait(String name, String colour) throws Exception {
        BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.decode(colour));
        g.fillRect(0, 0, 160, 120);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        String initials = "" + name.charAt(0) + name.charAt(name.indexOf(' ') + 1);
        g.drawString(initials, 80 - g.getFontMetrics().stringWidth(initials) / 2, 78);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return png.toByteArray();
    }

    /** The JavaFX application whose first stage the tour drives. */
    public static final class App extends Application {
        @Override
        public void start(Stage primary) {
            Thread driver = new Thread(() -> {
                try {
                    new ScreenshotTour().tour(primary);
                    System.out.println("Screenshots written to " + out);
                    Platform.exit();
                } catch (Throwable t) {
                    t.printStackTrace();
                    System.exit(1);
                }
            }, "screenshot-tour");
            driver.setDaemon(true);
            driver.start();
        }
    }

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Stage stage;
    private MainWindow window;
    private UiActions actions;

    private void tour(Stage primary) throws Exception {
        stage = primary;
        show(settings(false), 1280, 800);
        shoot("first-start-1280");
        actions.shutdown().run();

        show(settings(true), 1280, 800);
        until(() -> text("#status-model").contains("ecapa2(audio"));
        // Enroll: one take recorded from the (test) microphone, one imported file.
        fx(() -> ((TextField) lookup("#enroll-name")).setText("Dave Moreau"));
        fire("#record-button");
        until(() -> takes() == 1 && lookup("#record-button") instanceof ButtonBase b && "Record".equals(b.getText()));
        importFiles(E2E.resolve("carol-4.wav"), E2E.resolve("bob-4.wav"));
        until(() -> takes() == 3 && !text("#enroll-takes-summary").isEmpty());
        Thread.sleep(500);
        shoot("enroll-1280");

        section("#nav-verify");
        until(() -> speakers() == 3);
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<SpeakerSummary> c = (ComboBox<SpeakerSummary>) lookup("#verify-speaker");
            c.getSelectionModel().select(0);
        });
        importFiles(E2E.resolve("alice-4.wav"));
        until(() -> !Double.isNaN(((ScoreGauge) lookup("#verify-gauge")).decision().scoreProperty().get()));
        shoot("verify-1280");

        section("#nav-identify");
        importFiles(E2E.resolve("bob-4.wav"));
        until(() -> text("#identify-verdict").startsWith("Most likely"));
        shoot("identify-1280");

        section("#nav-features");
        importFiles(E2E.resolve("alice-4.wav"));
        until(() -> ((Pane) lookup("#features-maps")).getChildren().size() >= 4);
        Thread.sleep(300);
        shoot("features-take-1280");
        fire("#features-as-b");
        importFiles(E2E.resolve("bob-4.wav"));
        fx(() -> ((TabPane) lookup("#features-tabs")).getSelectionModel().select(1));
        // a tab's content is built when it is first shown, a pulse or more after the selection
        until(() -> lookup("#compare-cosines") instanceof Pane p && !p.getChildren().isEmpty());
        shoot("features-compare-1280");
        fx(() -> ((TabPane) lookup("#features-tabs")).getSelectionModel().select(2));
        until(() -> lookup("#load-speaker-map") != null);
        fire("#load-speaker-map");
        until(() -> lookup("#speaker-map") instanceof javafx.scene.chart.XYChart<?, ?> c && c.getData().size() >= 4);
        shoot("features-map-1280");

        section("#nav-speakers");
        until(() -> text("#speakers-status").endsWith("speakers."));
        shoot("speakers-1280");

        section("#nav-settings");
        until(() -> lookup("#settings-calibrate") != null);
        fire("#settings-calibrate");
        until(() -> text("#settings-calibration").startsWith("Calibrated"));
        shoot("settings-1280");

        resize(1920, 1080);
        section("#nav-enroll");
        shoot("enroll-1920");
        section("#nav-verify");
        shoot("verify-1920");
        section("#nav-features");
        fx(() -> ((TabPane) lookup("#features-tabs")).getSelectionModel().select(0));
        shoot("features-take-1920");
        scroll("#features-take-scroll", 1.0);
        shoot("features-maps-1920");
        fx(() -> ((TabPane) lookup("#features-tabs")).getSelectionModel().select(1));
        shoot("features-compare-1920");
        fx(() -> ((TabPane) lookup("#features-tabs")).getSelectionModel().select(2));
        shoot("features-map-1920");
        actions.shutdown().run();
    }

    private void show(Settings settings, int width, int height) throws Exception {
        SettingsStore store = new SettingsStore(home.resolve(settings.modelFile().isEmpty() ? "config-empty" : "config")
                .resolve("settings.json"));
        store.save(settings);
        dialogs.choiceAnswers.add(ProtectionQuestions.NO_PROTECTION);
        actions = ConnectedUi.create(env(), store, dialogs);
        FxTaskRunner runner = new FxTaskRunner(NamedExecutors.cached("tour-task"), dialogs::showError);
        fx(() -> {
            window = VoxprintUi.build(actions, runner, dialogs);
            Scene scene = new Scene(window, width, height);
            scene.getStylesheets().add(VoxprintUi.stylesheet());
            window.installShortcuts(scene);
            stage.setTitle("Voxprint");
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
        });
        Thread.sleep(800);
    }

    private void resize(int width, int height) throws Exception {
        fx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Thread.sleep(800);
    }

    private Node lookup(String id) {
        return stage.getScene().lookup(id);
    }

    private String text(String id) {
        Node n = lookup(id);
        return n instanceof Label l && l.getText() != null ? l.getText() : "";
    }

    private int takes() {
        return ((TakeList) lookup("#enroll-takes")).getItems().size();
    }

    private int speakers() {
        return ((ComboBox<?>) lookup("#verify-speaker")).getItems().size();
    }

    private void section(String navId) throws Exception {
        fire(navId);
        Thread.sleep(400);
    }

    private void fire(String id) throws Exception {
        fx(() -> ((ButtonBase) lookup(id)).fire());
    }

    private void importFiles(Path... files) throws Exception {
        dialogs.fileAnswers.addAll(List.of(files));
        fire("#import-button");
    }

    private void scroll(String id, double v) throws Exception {
        fx(() -> ((ScrollPane) lookup(id)).setVvalue(v));
        Thread.sleep(400);
    }

    private void shoot(String name) throws Exception {
        Thread.sleep(300);
        WritableImage image = call(() -> {
            Rectangle2D area = new Rectangle2D(stage.getX(), stage.getY(), stage.getScene().getWidth(), stage.getScene().getHeight());
            return new Robot().getScreenCapture(null, area);
        });
        BufferedImage rgb = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(SwingFXUtils.fromFXImage(image, null), 0, 0, null);
        ImageIO.write(rgb, "png", out.resolve(name + ".png").toFile());
        System.out.println("  " + name + ".png " + rgb.getWidth() + "x" + rgb.getHeight());
        if (!dialogs.errors.isEmpty()) {
            throw new IllegalStateException("errors shown during the tour: " + dialogs.errors);
        }
    }

    private static void fx(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T call(Supplier<T> s) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void until(Supplier<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            if (Boolean.TRUE.equals(call(condition))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("a step of the tour did not finish within 60 s");
    }
}
