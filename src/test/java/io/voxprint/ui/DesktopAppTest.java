package io.voxprint.ui;

import io.voxprint.testing.PythonReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.common.NamedExecutors;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.testing.FakeMicrophone;
import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.ui.common.FxTaskRunner;
import io.voxprint.ui.components.DifferenceMap;
import io.voxprint.ui.components.Heatmap;
import io.voxprint.ui.components.ScoreGauge;
import io.voxprint.ui.components.SpeakerMapView;
import io.voxprint.ui.enroll.EnrollViewModel;
import io.voxprint.ui.enroll.TakeList;
import io.voxprint.ui.features.FeaturesViewModel;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.shell.MainWindow;
import io.voxprint.ui.shell.ProtectionQuestions;
import io.voxprint.ui.wiring.AppSession;
import io.voxprint.ui.wiring.ConnectedUi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop application as a user drives it, on the REAL facade: the fixture model, a temporary
 * SQLite database, the fake microphone and real background threads. Scores are checked against
 * Python's embeddings of the same recordings (src/test/resources/e2e/reference-embeddings.json).
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class DesktopAppTest {
    private static final int STEP_LIMIT_SECONDS = 180;
    private static PythonReference python;
    @TempDir
    Path home;
    private Stage stage;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private UiActions actions;
    private MainWindow window;

    @BeforeAll
    static void references() throws Exception {
        python = new PythonReference();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeEverything() {
        FakeMicrophone.remove();
        if (actions != null) {
            actions.shutdown().run();
        }
    }

    /** No VOXPRINT_MODEL, an empty Hugging Face cache, offline: the model comes only from the settings. */
    private Map<String, String> env() {
        return Map.of("HF_HOME", home.resolve("hf").toString(), "HF_HUB_OFFLINE", "1");
    }

    private Path settingsFile() {
        return home.resolve("config").resolve("settings.json");
    }

    private void open(FxRobot robot, Settings settings) throws Exception {
        SettingsStore store = new SettingsStore(settingsFile());
        store.save(settings);
        actions = ConnectedUi.create(env(), store, dialogs);
        FxTaskRunner runner = new FxTaskRunner(NamedExecutors.cached("test-ui-task"), dialogs::showError);
        robot.interact(() -> {
            window = VoxprintUi.build(actions, runner, dialogs);
            Scene scene = new Scene(window, 1280, 800);
            scene.getStylesheets().add(VoxprintUi.stylesheet());
            window.installShortcuts(scene);
            stage.setScene(scene);
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            VoxprintUi.showNotices(actions, dialogs);
        });
    }

    private Settings withFixtureModel() {
        return new Settings(PythonReference.FIXTURE_MODEL.toString(), "main", null, false, "", false,
                home.resolve("data").toString());
    }

    /**
     * Waits for a state of the window, checked on the FX thread. The limit only ends a test that
     * would otherwise hang: it is far above what any step takes, even on a machine busy with other builds.
     */
    private void until(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(STEP_LIMIT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            fail(what + " did not happen within " + STEP_LIMIT_SECONDS + " s; errors shown: " + dialogs.errors);
        }
    }

    /** True once the node is laid out inside the visible part of its scroll pane and of the scene (call on the FX thread). */
    private static boolean inView(Node node, javafx.scene.control.ScrollPane scroll) {
        if (node.getScene() == null || !node.isVisible()) {
            return false;
        }
        javafx.geometry.Bounds b = node.localToScene(node.getBoundsInLocal());
        javafx.geometry.Bounds viewport = scroll.localToScene(scroll.getBoundsInLocal());
        javafx.geometry.Bounds scene = new javafx.geometry.BoundingBox(0, 0, node.getScene().getWidth(), node.getScene().getHeight());
        double x = b.getCenterX();
        double y = b.getCenterY();
        return b.getWidth() > 0 && viewport.contains(x, y) && scene.contains(x, y);
    }

    private <T extends Node> T shown(FxRobot robot, String id) {
        return robot.lookup(id).match(n -> n.getScene() != null && n.isVisible()).query();
    }

    private static String e2e(String name) {
        return PythonReference.E2E.resolve(name).toAbsolutePath().toString();
    }

    private void importFiles(FxRobot robot, String... names) {
        for (String n : names) {
            dialogs.fileAnswers.add(Path.of(e2e(n)));
        }
        robot.clickOn(this.<Node>shown(robot, "#import-button"));
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private TakeList takes(FxRobot robot) {
        return robot.lookup("#enroll-takes").queryAs(TakeList.class);
    }

    @Test
    void enrollVerifyIdentifyInspectAndDeleteOnTheRealApplication(FxRobot robot) throws Exception {
        // The threshold sits between scores Python puts on either side of it, with a margin.
        double aliceTrue = python.score("alice-4.wav", "alice");
        double bobAsAlice = python.score("bob-4.wav", "alice");
        double bobTrue = python.score("bob-4.wav", "bob");
        double carolBest = Stream.of("alice", "bob", "carol").mapToDouble(w -> python.score("carol-4.wav", w)).max().orElseThrow();
        double threshold = Math.round((bobTrue + carolBest) / 2 * 1000) / 1000.0;
        for (double above : new double[] {aliceTrue, bobTrue}) {
            assertTrue(above > threshold + 0.003, "reference score " + above + " clearly above " + threshold);
        }
        for (double below : new double[] {bobAsAlice, carolBest}) {
            assertTrue(below < threshold - 0.003, "reference score " + below + " clearly below " + threshold);
        }

        FakeMicrophone.installEndingAfter(Path.of(e2e("alice-1.wav")), 8.0);
        // The first start: the voiceprints are protected by a passphrase from the first enrollment on.
        dialogs.choiceAnswers.add(ProtectionQuestions.WITH_PASSPHRASE);
        dialogs.passphraseAnswers.add("desktop test passphrase");
        open(robot, withFixtureModel());
        assertEquals(List.of("New passphrase for the voiceprint database"), dialogs.passphrasePrompts);
        until("the model loads", () -> text(robot, "#status-model").contains("ecapa2-fixture.pt")
                && !text(robot, "#status-model").contains("loading"));
        assertEquals("Model: ecapa2-fixture.pt \u00b7 local file \u00b7 ecapa2(audio, label)", text(robot, "#status-model"));
        assertTrue(text(robot, "#status-database").endsWith("data/" + AppSession.DATABASE_NAME), text(robot, "#status-database"));
        assertFalse(window.rail().isDisabled());

        // Enroll alice from the microphone: three takes, each the whole of one recording.
        robot.clickOn("#enroll-name").write("alice");
        for (int k = 1; k <= 3; k++) {
            FakeMicrophone.installEndingAfter(Path.of(e2e("alice-" + k + ".wav")), 8.0);
            robot.clickOn(this.<Node>shown(robot, "#record-button"));
            int expected = k;
            until("take " + k + " is recorded and assessed", () -> takes(robot).getItems().size() == expected
                    && !takes(robot).getItems().get(expected - 1).assessingProperty().get());
            EnrollViewModel.TakeRow row = takes(robot).getItems().get(k - 1);
            assertEquals("Recording, " + String.format(Locale.ROOT, "%.1f", seconds("alice-" + k + ".wav")) + " s", row.take().label());
            assertTrue(row.acceptableProperty().get(), row.reasonsProperty().get());
            assertTrue(row.netSpeechProperty().get().startsWith("Net speech: "), row.netSpeechProperty().get());
        }
        assertEquals("3 usable of 3 recommended takes", text(robot, "#enroll-takes-summary"));
        robot.clickOn("#enroll-save");
        until("alice is enrolled", () -> text(robot, "#enroll-status").startsWith("alice is enrolled"));
        assertEquals("alice is enrolled with 3 takes in all.", text(robot, "#enroll-status"));

        // bob and carol from files, three at a time.
        for (String who : List.of("bob", "carol")) {
            robot.doubleClickOn("#enroll-name").write(who);
            importFiles(robot, who + "-1.wav", who + "-2.wav", who + "-3.wav");
            until(who + "'s takes are assessed", () -> takes(robot).getItems().size() == 3
                    && takes(robot).getItems().stream().noneMatch(r -> r.assessingProperty().get()));
            robot.clickOn("#enroll-save");
            until(who + " is enrolled", () -> text(robot, "#enroll-status").equals(who + " is enrolled with 3 takes in all."));
        }

        // Settings: a fixed threshold applies at once.
        robot.clickOn("#nav-settings");
        until("the processor row says what the model runs under", () -> text(robot, "#settings-instruction-set")
                .startsWith("The model runs under "));
        robot.clickOn("#settings-threshold-automatic");
        Spinner<?> spinner = robot.lookup("#settings-threshold").queryAs(Spinner.class);
        robot.interact(() -> spinner.getEditor().setText(String.format(Locale.ROOT, "%.3f", threshold)));
        robot.clickOn("#settings-save");
        assertEquals("Settings saved.", text(robot, "#settings-status"));
        assertTrue(Files.readString(settingsFile()).contains(String.format(Locale.ROOT, "%.3f", threshold)));
        until("the calibration line names the threshold in force", () -> text(robot, "#settings-calibration")
                .equals(String.format(Locale.ROOT, "Not calibrated yet. Decisions use the threshold %.3f (set in the settings).", threshold)));

        // Verify: accepted, then rejected, with the scores Python gives.
        robot.clickOn("#nav-verify");
        @SuppressWarnings("unchecked")
        ComboBox<SpeakerSummary> speaker = robot.lookup("#verify-speaker").queryAs(ComboBox.class);
        until("the speaker list is filled", () -> speaker.getItems().size() == 3);
        robot.interact(() -> speaker.getSelectionModel().select(
                speaker.getItems().stream().filter(s -> s.name().equals("alice")).findFirst().orElseThrow()));
        ScoreGauge gauge = robot.lookup("#verify-gauge").queryAs(ScoreGauge.class);
        importFiles(robot, "alice-4.wav");
        until("alice-4 is verified", () -> !Double.isNaN(gauge.decision().scoreProperty().get()));
        assertEquals(aliceTrue, gauge.decision().scoreProperty().get(), 1e-3);
        assertEquals("Accepted: the voice matches this speaker.", gauge.decisionText());
        assertEquals(threshold, gauge.decision().thresholdProperty().get(), 1e-9);
        assertTrue(text(robot, "#verify-llr").startsWith("No likelihood ratio"), text(robot, "#verify-llr"));
        importFiles(robot, "bob-4.wav");
        until("bob-4 is verified against alice", () -> Math.abs(gauge.decision().scoreProperty().get() - aliceTrue) > 1e-2);
        assertEquals(bobAsAlice, gauge.decision().scoreProperty().get(), 1e-3);
        assertEquals("Rejected: the voice does not match this speaker.", gauge.decisionText());

        // Identify: bob is found; carol-4 passes nobody; a broken file gives one sentence.
        robot.clickOn("#nav-identify");
        importFiles(robot, "bob-4.wav");
        until("bob-4 is identified", () -> text(robot, "#identify-verdict").startsWith("Most likely"));
        assertTrue(text(robot, "#identify-verdict").startsWith("Most likely bob (score "), text(robot, "#identify-verdict"));
        assertEquals(bobTrue, bestShownScore(robot), 1e-3);
        List<String> ranked = shownNames(robot);
        List<String> expectedRanking = Stream.of("alice", "bob", "carol")
                .sorted((a, b) -> Double.compare(python.score("bob-4.wav", b), python.score("bob-4.wav", a))).toList();
        assertEquals(expectedRanking, ranked);
        importFiles(robot, "carol-4.wav");
        until("carol-4 is compared", () -> text(robot, "#identify-verdict").startsWith("No enrolled speaker"));
        Path broken = home.resolve("broken.wav");
        Files.write(broken, "RIFF but not really a wave file".getBytes());
        dialogs.fileAnswers.add(broken);
        robot.clickOn(this.<Node>shown(robot, "#import-button"));
        until("the broken file is reported", () -> !dialogs.errors.isEmpty());
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        assertTrue(dialogs.errors.get(0).contains("broken.wav"), dialogs.errors.get(0));
        assertFalse(dialogs.errors.get(0).contains("Exception"), dialogs.errors.get(0));
        dialogs.errors.clear();

        // Features: every label of the model as a map, the embedding equal to Python's.
        robot.clickOn("#nav-features");
        importFiles(robot, "alice-4.wav");
        Pane maps = robot.lookup("#features-maps").queryAs(Pane.class);
        until("the feature maps are drawn", () -> maps.getChildren().size() == 5);
        for (String label : List.of("gfe_1", "gfe_2", "pool", "attention", "embedding")) {
            assertTrue(robot.lookup("#feature-map-" + label).tryQuery().isPresent(), label);
        }
        double[] shown = vectorOf(robot.lookup("#feature-map-embedding").queryAs(Heatmap.class));
        assertEquals(192, shown.length);
        assertTrue(PythonReference.cosine(shown, python.embedding("alice-4.wav")) > 0.999);

        // Export the embedding's numbers as CSV from the map's context menu.
        Path csv = home.resolve("embedding.csv");
        dialogs.fileAnswers.add(csv);
        javafx.scene.control.ScrollPane takeScroll = robot.lookup("#features-take-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> takeScroll.setVvalue(1.0));
        Heatmap embeddingMap = robot.lookup("#feature-map-embedding").queryAs(Heatmap.class);
        // The scroll takes effect at a later layout pass, and the content may still grow after it (the
        // maps are laid out in turn): ask again from the current layout until the map is in view.
        until("the embedding map is scrolled into view", () -> {
            if (inView(embeddingMap, takeScroll)) {
                return true;
            }
            double contentHeight = takeScroll.getContent().getLayoutBounds().getHeight();
            double viewport = takeScroll.getViewportBounds().getHeight();
            double y = takeScroll.getContent().sceneToLocal(embeddingMap.localToScene(embeddingMap.getBoundsInLocal())).getMinY();
            takeScroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, y / (contentHeight - viewport))));
            return false;
        });
        robot.rightClickOn(embeddingMap);
        if (robot.lookup(".context-menu").tryQuery().isEmpty()) {
            // Monocle's headless robot does not turn a right click into a context-menu request; ask as the platform would.
            robot.interact(() -> {
                javafx.geometry.Bounds b = embeddingMap.localToScreen(embeddingMap.getBoundsInLocal());
                javafx.event.Event.fireEvent(embeddingMap, new javafx.scene.input.ContextMenuEvent(
                        javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20, b.getMinX() + 20, b.getMinY() + 20,
                        false, null));
            });
        }
        until("the context menu shows its items", () -> robot.lookup(".menu-item").match(n -> n.isVisible()
                && n.lookup(".label") instanceof Label l && "Save numbers as CSV...".equals(l.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".menu-item").match(n -> n.lookup(".label") instanceof Label l
                && "Save numbers as CSV...".equals(l.getText())).<Node>query());
        until("the CSV is written", () -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("row,column,element,value", lines.get(0));
        assertEquals(193, lines.size(), "a header and one line per value");
        double[] fromCsv = new double[192];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            fromCsv[(int) Double.parseDouble(f[2])] = Double.parseDouble(f[3]);
        }
        assertTrue(PythonReference.cosine(fromCsv, python.embedding("alice-4.wav")) > 0.999);

        // Compare with bob-4: per-label cosines, the embedding's equal to Python's.
        robot.clickOn("#features-as-b");
        importFiles(robot, "bob-4.wav");
        // the Compare tab is built when first shown: here after both takes are in
        until("bob-4 is shown as the second take", () -> text(robot, "#features-status").equals("Showing bob-4.wav as the second take."));
        robot.interact(() -> robot.lookup("#features-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        GridPane cosines = robot.lookup("#compare-cosines").queryAs(GridPane.class);
        until("the cosines are listed", () -> cosines.getChildren().size() == 10);
        double embeddingCosine = cosineShownFor(cosines, "embedding");
        until("the difference map is drawn", () -> robot.lookup("#compare-difference").queryAs(DifferenceMap.class).grid() != null);
        assertEquals(PythonReference.cosine(python.embedding("alice-4.wav"), python.embedding("bob-4.wav")), embeddingCosine, 1e-3);

        // Speaker map: the three speakers and this recording.
        robot.interact(() -> robot.lookup("#features-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.clickOn("#load-speaker-map");
        SpeakerMapView map = robot.lookup("#speaker-map").queryAs(SpeakerMapView.class);
        until("the speaker map is drawn", () -> map.getData().size() == 4);
        assertEquals(java.util.Set.of("alice", "bob", "carol", FeaturesViewModel.THIS_RECORDING),
                map.getData().stream().map(XYChart.Series::getName).collect(java.util.stream.Collectors.toSet()));

        // Calibrate on the three enrolled speakers: 9 same-speaker and 18 different-speaker trials.
        robot.clickOn("#nav-settings");
        robot.clickOn("#settings-calibrate");
        until("calibration finishes", () -> text(robot, "#settings-calibration").startsWith("Calibrated"));
        assertTrue(text(robot, "#settings-calibration").contains("9 same-speaker and 18 different-speaker trials"),
                text(robot, "#settings-calibration"));
        robot.clickOn("#nav-verify");
        importFiles(robot, "alice-4.wav");
        until("the likelihood ratio is shown", () -> text(robot, "#verify-llr").startsWith("Log-likelihood ratio"));

        // Adding a take to an existing speaker.
        robot.clickOn("#nav-enroll");
        robot.doubleClickOn("#enroll-name").write("bob");
        importFiles(robot, "bob-4.wav");
        until("the take is assessed", () -> takes(robot).getItems().size() == 1
                && !takes(robot).getItems().get(0).assessingProperty().get());
        robot.clickOn("#enroll-save");
        until("bob has four takes", () -> text(robot, "#enroll-status").equals("bob is enrolled with 4 takes in all."));

        // Delete carol after confirming.
        robot.clickOn("#nav-speakers");
        @SuppressWarnings("unchecked")
        TableView<SpeakerSummary> table = robot.lookup("#speakers-table").queryAs(TableView.class);
        until("the table lists everyone", () -> table.getItems().size() == 3);
        assertEquals(4, table.getItems().stream().filter(s -> s.name().equals("bob")).findFirst().orElseThrow().takes());
        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(s -> s.name().equals("carol")).findFirst().orElseThrow()));
        dialogs.confirmAnswers.add(true);
        robot.clickOn("#speakers-delete");
        until("carol is gone", () -> table.getItems().size() == 2);
        assertEquals(List.of("Delete carol with 3 takes? This cannot be undone."), dialogs.questions);
        assertEquals("carol was deleted.", text(robot, "#speakers-status"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());

        // What the facade wrote: the audit of every decision, and carol no longer stored.
        actions.shutdown().run();
        actions = null;
        try (VoiceprintStore store = SqliteStore.open(home.resolve("data").resolve(AppSession.DATABASE_NAME))) {
            List<String> audit = new ArrayList<>();
            for (AuditEntry e : store.audit().latest(20)) {
                audit.add(e.kind().text() + ":" + e.resultText());
            }
            assertEquals(List.of("verify:accepted", "identify:no enrolled speaker", "identify:bob", "verify:rejected",
                    "verify:accepted"), audit.subList(0, 5), audit.toString());
            assertEquals(List.of("alice", "bob"), store.speakers().list().stream().map(s -> s.name()).sorted().toList());
        }
    }

    @Test
    void firstStartWithoutAModelThenChoosingTheFixtureFile(FxRobot robot) throws Exception {
        dialogs.choiceAnswers.add(ProtectionQuestions.NO_PROTECTION);
        open(robot, new Settings("", "main", null, false, "", false, home.resolve("data").toString()));
        assertTrue(window.rail().isDisabled(), "no model: the rail is locked");
        assertEquals("Model: no model yet", text(robot, "#status-model"));
        assertTrue(robot.lookup("#licence-text").tryQuery().isPresent());
        dialogs.fileAnswers.add(PythonReference.FIXTURE_MODEL);
        robot.clickOn("#choose-model-file");
        until("the chosen model loads", () -> !window.rail().isDisabled());
        assertEquals("Model: ecapa2-fixture.pt \u00b7 local file \u00b7 ecapa2(audio, label)", text(robot, "#status-model"));
        assertEquals("section-enroll", window.current().getId());
        assertEquals(PythonReference.FIXTURE_MODEL.toString(), new SettingsStore(settingsFile()).load().settings().modelFile(),
                "the choice is remembered for the next start");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aDamagedDatabaseIsOneSentenceAndNothingElse(FxRobot robot) throws Exception {
        Path db = home.resolve("data").resolve(AppSession.DATABASE_NAME);
        Files.createDirectories(db.getParent());
        byte[] garbage = new byte[8192];
        java.util.Arrays.fill(garbage, (byte) 0x5A);
        Files.write(db, garbage);
        open(robot, withFixtureModel());
        assertEquals(1, dialogs.warnings.size(), dialogs.warnings.toString());
        String sentence = dialogs.warnings.get(0);
        assertFalse(sentence.contains("Exception") || sentence.contains("\tat "), sentence);
        assertTrue(sentence.endsWith("Choose another data folder in Settings, then start Voxprint again."), sentence);
        assertEquals("Database: could not be opened", text(robot, "#status-database"));
        assertTrue(java.util.Arrays.equals(garbage, Files.readAllBytes(db)), "the damaged file is left as it was");
    }

    private static double seconds(String wav) throws Exception {
        try (javax.sound.sampled.AudioInputStream in = javax.sound.sampled.AudioSystem.getAudioInputStream(
                PythonReference.E2E.resolve(wav).toFile())) {
            return in.getFrameLength() / (double) in.getFormat().getFrameRate();
        }
    }

    /** The vector behind a heatmap, put back in element order from the grid's element indexes. */
    private static double[] vectorOf(Heatmap map) {
        var grid = map.grid();
        int n = 0;
        for (int[] row : grid.elementIndex()) {
            for (int e : row) {
                n = Math.max(n, e + 1);
            }
        }
        double[] v = new double[n];
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                if (grid.elementIndex()[r][c] >= 0) {
                    v[grid.elementIndex()[r][c]] = grid.values()[r][c];
                }
            }
        }
        return v;
    }

    private static double cosineShownFor(GridPane table, String label) {
        for (Node n : table.getChildren()) {
            if (n instanceof Label l && label.equals(l.getText()) && GridPane.getRowIndex(n) == 0) {
                int col = GridPane.getColumnIndex(n);
                for (Node v : table.getChildren()) {
                    if (GridPane.getColumnIndex(v) == col && GridPane.getRowIndex(v) == 1) {
                        return Double.parseDouble(((Label) v).getText());
                    }
                }
            }
        }
        throw new AssertionError("no cosine shown for " + label);
    }

    private List<String> shownNames(FxRobot robot) {
        GridPane bars = robot.lookup("#identify-bars").queryAs(GridPane.class);
        List<String> names = new ArrayList<>();
        for (int row = 0; row < 5; row++) {
            for (Node n : bars.getChildren()) {
                Integer r = GridPane.getRowIndex(n);
                Integer c = GridPane.getColumnIndex(n);
                if (r != null && r == row && c != null && c == 1) {
                    names.add(((Label) n).getText());
                }
            }
        }
        return names;
    }

    private double bestShownScore(FxRobot robot) {
        GridPane bars = robot.lookup("#identify-bars").queryAs(GridPane.class);
        for (Node n : bars.getChildren()) {
            if (Integer.valueOf(0).equals(GridPane.getRowIndex(n)) && Integer.valueOf(3).equals(GridPane.getColumnIndex(n))) {
                return Double.parseDouble(((Label) n).getText());
            }
        }
        return Double.NaN;
    }
}
