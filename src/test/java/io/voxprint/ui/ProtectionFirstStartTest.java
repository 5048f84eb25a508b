package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.voxprint.app.keys.DesktopProtection;
import io.voxprint.app.keys.DesktopProtection.State;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.common.NamedExecutors;
import io.voxprint.store.Fixtures;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sealed.PlaintextFinder;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.testing.PythonReference;
import io.voxprint.ui.common.FxTaskRunner;
import io.voxprint.ui.shell.ProtectionQuestions;
import io.voxprint.ui.speakers.SpeakersViewModel;
import io.voxprint.ui.wiring.AppSession;
import io.voxprint.ui.wiring.ConnectedUi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * The desktop's first start and first start after upgrading, on the real wiring and a real SQLite
 * file: the protection question, the one-time offer to encrypt a plain database, the passphrase at
 * each start, and the Speakers view's encrypted export. Answers come from a recording dialog service.
 */
@ExtendWith({LargeHeadlessScreen.class, ApplicationExtension.class})
class ProtectionFirstStartTest {
    private static final String PASSPHRASE = "first start passphrase";
    private static final int DIM = 192;
    @TempDir
    Path home;
    private Stage stage;
    private RecordingDialogService dialogs = new RecordingDialogService();
    private UiActions actions;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (actions != null) {
            actions.shutdown().run();
        }
    }

    private Path database() {
        return home.resolve("data").resolve(AppSession.DATABASE_NAME);
    }

    private Map<String, String> env() {
        return Map.of("HF_HOME", home.resolve("hf").toString(), "HF_HUB_OFFLINE", "1", "HOME", home.toString());
    }

    /** One start of the desktop: the questions are asked (and answered from the queues) before the window shows. */
    private void startDesktop(FxRobot robot) throws Exception {
        if (actions != null) {
            actions.shutdown().run();
        }
        SettingsStore store = new SettingsStore(home.resolve("config").resolve("settings.json"));
        store.save(new Settings(PythonReference.FIXTURE_MODEL.toString(), "main", null, false, "", false,
                home.resolve("data").toString()));
        robot.interact(() -> {
            actions = ConnectedUi.create(env(), store, dialogs);
            stage.setScene(new Scene(VoxprintUi.build(actions, new FxTaskRunner(NamedExecutors.cached("test-ui-task"),
                    dialogs::showError), dialogs), 1280, 800));
            stage.show();
            VoxprintUi.showNotices(actions, dialogs);
        });
    }

    private State state() {
        try (DesktopProtection protection = new DesktopProtection(database(), env())) {
            return protection.state();
        }
    }

    private String databaseText(FxRobot robot) {
        return robot.lookup("#status-database").queryAs(Label.class).getText();
    }

    private static String fixtureSha() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(PythonReference.FIXTURE_MODEL)));
    }

    /** A database as an older Voxprint left it: two speakers, no protection ever chosen. */
    private void aPlainDatabaseFromBefore() throws Exception {
        Files.createDirectories(database().getParent());
        try (VoiceprintStore store = SqliteStore.open(database())) {
            store.enroll("Alice", Fixtures.takes("Alice", 2, fixtureSha(), 0), true, null);
            store.enroll("Bob", Fixtures.takes("Bob", 1, fixtureSha(), 0), true, null);
        }
    }

    private List<String> embeddingsReadableIn(Path... files) throws Exception {
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            if (Files.exists(f)) {
                PlaintextFinder finder = new PlaintextFinder(Files.readAllBytes(f));
                found.addAll(finder.findFloats("Alice 0 in " + f.getFileName(), Fixtures.vector("Alice", 0, DIM)));
                found.addAll(finder.findFloats("Alice 1 in " + f.getFileName(), Fixtures.vector("Alice", 1, DIM)));
                found.addAll(finder.findFloats("Bob 0 in " + f.getFileName(), Fixtures.vector("Bob", 0, DIM)));
                String text = Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1);
                for (float[] v : List.of(Fixtures.vector("Alice", 0, DIM), Fixtures.vector("Bob", 0, DIM))) {
                    if (text.contains(java.util.Base64.getEncoder().encodeToString(io.voxprint.store.Floats.toBytes(v)))) {
                        found.add("a vector as the archive's base64 in " + f.getFileName());
                    }
                }
            }
        }
        return found;
    }

    private static void until(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            fail(what + " did not happen");
        }
    }

    @Test
    void theFirstStartAsksHowToProtectAndThePassphraseIsAskedAtEveryStart(FxRobot robot) throws Exception {
        dialogs.choiceAnswers.add(ProtectionQuestions.WITH_PASSPHRASE);
        dialogs.passphraseAnswers.add(PASSPHRASE);
        startDesktop(robot);
        assertEquals(1, dialogs.choices.size());
        assertTrue(dialogs.choices.get(0).startsWith(ProtectionQuestions.FIRST_START + " -> " + ProtectionQuestions.WITH_PASSPHRASE
                + " | "), dialogs.choices.get(0));
        assertTrue(dialogs.choices.get(0).endsWith(" | " + ProtectionQuestions.NO_PROTECTION), dialogs.choices.get(0));
        assertEquals(List.of("New passphrase for the voiceprint database"), dialogs.passphrasePrompts);
        assertEquals(State.PASSPHRASE, state());
        assertTrue(databaseText(robot).endsWith(AppSession.DATABASE_NAME), databaseText(robot));
        assertEquals(List.of(), dialogs.warnings);

        // The next start asks for the passphrase, again after a wrong one, and nothing else.
        dialogs = new RecordingDialogService();
        dialogs.passphraseAnswers.add("not the passphrase");
        dialogs.passphraseAnswers.add(PASSPHRASE);
        startDesktop(robot);
        assertEquals(List.of(), dialogs.choices);
        assertEquals(2, dialogs.passphrasePrompts.size());
        assertEquals(List.of("The passphrase is wrong for this database; nothing was read or changed."), dialogs.errors);
        assertEquals(List.of(), dialogs.warnings);
        assertEquals(List.of(), actions.speakers().listSpeakers());

        // Cancelled: the database stays locked, in one sentence.
        dialogs = new RecordingDialogService();
        startDesktop(robot);
        assertEquals(1, dialogs.passphrasePrompts.size());
        assertEquals(List.of("The voiceprint database stays locked, because no passphrase was entered; start Voxprint"
                + " again to unlock it."), dialogs.warnings);
        assertEquals("Database: not opened", databaseText(robot));
        assertEquals(State.PASSPHRASE, state());
    }

    @Test
    void closingTheFirstStartQuestionCreatesNoDatabase(FxRobot robot) throws Exception {
        startDesktop(robot);
        assertEquals(1, dialogs.choices.size());
        assertEquals(List.of("The voiceprint database was not created, because no protection was chosen; start Voxprint"
                + " again to choose."), dialogs.warnings);
        assertFalse(Files.exists(database()));
    }

    @Test
    void noProtectionIsAnExplicitChoiceAndIsNotAskedAgain(FxRobot robot) throws Exception {
        dialogs.choiceAnswers.add(ProtectionQuestions.NO_PROTECTION);
        startDesktop(robot);
        assertEquals(State.UNPROTECTED, state());
        assertEquals(List.of(), dialogs.passphrasePrompts);
        dialogs = new RecordingDialogService();
        startDesktop(robot);
        assertEquals(List.of(), dialogs.choices);
        assertEquals(List.of(), dialogs.warnings);
    }

    @Test
    void anUpgradedPlainDatabaseIsOfferedEncryptionOnceAndADeclineIsRemembered(FxRobot robot) throws Exception {
        aPlainDatabaseFromBefore();
        dialogs.choiceAnswers.add(ProtectionQuestions.KEEP_UNENCRYPTED);
        startDesktop(robot);
        assertEquals(1, dialogs.choices.size());
        assertTrue(dialogs.choices.get(0).startsWith(ProtectionQuestions.UPGRADE + " -> "), dialogs.choices.get(0));
        assertEquals(State.UNPROTECTED, state());
        assertEquals(2, actions.speakers().listSpeakers().size());
        dialogs = new RecordingDialogService();
        startDesktop(robot);
        assertEquals(List.of(), dialogs.choices, "asked once");
    }

    @Test
    void acceptingTheUpgradeEncryptsTheDatabaseInPlace(FxRobot robot) throws Exception {
        aPlainDatabaseFromBefore();
        Path wal = database().resolveSibling(AppSession.DATABASE_NAME + "-wal");
        assertFalse(embeddingsReadableIn(database(), wal).isEmpty(), "the finder sees a plain database's embeddings");
        dialogs.choiceAnswers.add(ProtectionQuestions.ENCRYPT_WITH_PASSPHRASE);
        dialogs.passphraseAnswers.add(PASSPHRASE);
        startDesktop(robot);
        assertEquals(State.PASSPHRASE, state());
        assertEquals(List.of(), dialogs.errors);
        assertEquals(List.of("Alice", "Bob"), actions.speakers().listSpeakers().stream().map(s -> s.name()).toList());
        actions.shutdown().run();
        actions = null;
        assertEquals(List.of(), embeddingsReadableIn(database(), wal));
    }

    @Test
    void theSpeakersViewExportsEncryptedUnlessPlaintextIsChosen(FxRobot robot) throws Exception {
        aPlainDatabaseFromBefore();
        dialogs.choiceAnswers.add(ProtectionQuestions.KEEP_UNENCRYPTED);
        startDesktop(robot);
        SpeakersViewModel vm = new SpeakersViewModel(actions.speakers(), new FxTaskRunner(NamedExecutors.cached("test-ui-task"),
                dialogs::showError), dialogs);
        robot.interact(vm::refresh);
        until("the speakers are listed", () -> vm.speakers().size() == 2 && !vm.busyProperty().get());

        Path encrypted = home.resolve("speakers.vxa");
        dialogs.choiceAnswers.add(SpeakersViewModel.EXPORT_CHOICES.get(0));
        dialogs.passphraseAnswers.add("archive passphrase");
        dialogs.fileAnswers.add(encrypted);
        robot.interact(vm::export);
        until("the encrypted export is done", () -> vm.statusProperty().get().contains("exported"));
        assertEquals("2 speakers were exported to speakers.vxa, encrypted.", vm.statusProperty().get());
        assertTrue(dialogs.choices.get(1).contains("A plaintext archive exposes"), dialogs.choices.get(1));
        assertEquals(List.of(), embeddingsReadableIn(encrypted));

        Path plain = home.resolve("speakers.json");
        dialogs.choiceAnswers.add(SpeakersViewModel.EXPORT_CHOICES.get(1));
        dialogs.fileAnswers.add(plain);
        robot.interact(vm::export);
        until("the plaintext export is done", () -> vm.statusProperty().get().contains("(plaintext)"));
        assertFalse(embeddingsReadableIn(plain).isEmpty());

        // A wrong passphrase imports nobody; the right one brings the deleted speakers back.
        robot.interact(() -> vm.selectedProperty().set(null));
        actions.speakers().delete("Alice");
        actions.speakers().delete("Bob");
        dialogs.fileAnswers.add(encrypted);
        dialogs.passphraseAnswers.add("not the archive passphrase");
        robot.interact(vm::importFile);
        until("the refusal is shown", () -> !dialogs.errors.isEmpty());
        assertEquals(List.of("The passphrase does not open '" + encrypted + "'; nothing was read from it."), dialogs.errors);
        assertEquals(List.of(), actions.speakers().listSpeakers());
        dialogs.fileAnswers.add(encrypted);
        dialogs.passphraseAnswers.add("archive passphrase");
        robot.interact(vm::importFile);
        until("the import is done", () -> vm.statusProperty().get().contains("imported") && !vm.busyProperty().get());
        assertEquals("2 speakers were imported.", vm.statusProperty().get());
        assertEquals(List.of("Passphrase of the archive speakers.vxa", "Passphrase of the archive speakers.vxa"),
                dialogs.passphrasePrompts.subList(1, 3));
    }
}
