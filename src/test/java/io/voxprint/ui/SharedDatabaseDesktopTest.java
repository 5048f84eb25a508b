package io.voxprint.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.store.postgres.PostgresStore;
import io.voxprint.testing.LargeHeadlessScreen;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import io.voxprint.testing.PythonReference;
import io.voxprint.ui.shell.ProtectionQuestions;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The desktop application on a team's PostgreSQL database (a real throwaway server): chosen in
 * Settings as a postgresql:// address, and opened with a verify-only role, where the Enroll view
 * says in one sentence why enrolling is not offered and does not offer it; a server that stops while
 * the window is open is one sentence in the status bar until it is back.
 */
@ExtendWith({LargeHeadlessScreen.class, PostgresExtension.class, ApplicationExtension.class})
class SharedDatabaseDesktopTest {
    private static final int STEP_LIMIT_SECONDS = 180;
    /** A model file, so the window opens on its sections rather than on the first-start screen. */
    private static final String MODEL = PythonReference.FIXTURE_MODEL.toString();
    @TempDir
    Path home;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    @RegisterExtension
    final TestDesktop desktop = new TestDesktop(dialogs, STEP_LIMIT_SECONDS);

    @Test
    void aPostgresAddressSavedInSettingsIsTheDatabaseOfTheNextStart(FxRobot robot, PostgresCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        String address = cluster.url(db);
        SettingsStore settings = new SettingsStore(home.resolve("config/settings.json"));
        settings.save(new Settings(MODEL, "main", null, false, "", false, home.resolve("data").toString()));
        dialogs.choiceAnswers.add(ProtectionQuestions.NO_PROTECTION); // the first start's question, for the SQLite file
        open(robot, settings);
        desktop.until("the SQLite file in the status bar", () -> TestDesktop.text(robot, "#status-database").contains("voxprint.db"));

        robot.clickOn("#nav-settings");
        TextField folder = robot.lookup("#settings-data-folder").queryAs(TextField.class);
        robot.interact(() -> folder.setText(address));
        robot.clickOn("#settings-save");
        desktop.until("the settings saved", () -> TestDesktop.text(robot, "#settings-status").equals("Settings saved."));
        assertEquals(address, settings.load().settings().dataFolder());

        desktop.close();
        open(robot, settings);
        desktop.until("the server in the status bar", () -> TestDesktop.text(robot, "#status-database").equals("Database: " + address));
        assertTrue(dialogs.errors.isEmpty() && dialogs.warnings.isEmpty(), dialogs.errors + " " + dialogs.warnings);
        try (Connection c = cluster.connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM voxprint_schema")) {
            assertTrue(rs.next(), "opening the window created the schema in the chosen database");
            assertEquals(3, rs.getInt(1));
        }
    }

    @Test
    void aVerifyOnlyDeskIsToldWhyEnrollingIsNotOfferedAndCannotSave(FxRobot robot, PostgresCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        PostgresStore.open(cluster.url(db)).close(); // the owner creates the schema first, as docs/store.md says
        try (Connection c = cluster.connect(db); Statement s = c.createStatement();
                InputStream script = PostgresStore.class.getResourceAsStream("roles.sql")) {
            s.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ui_desk_verify') THEN "
                    + "CREATE ROLE ui_desk_verify LOGIN IN ROLE voxprint_verify; END IF; END $$");
        }
        SettingsStore settings = new SettingsStore(home.resolve("config/settings.json"));
        settings.save(new Settings(MODEL, "main", null, false, "", false, cluster.url(db, "ui_desk_verify")));
        open(robot, settings);

        desktop.until("the refusal on the Enroll view", () -> robot.lookup("#enroll-refused").queryAs(Label.class).isVisible());
        String sentence = TestDesktop.text(robot, "#enroll-refused");
        assertTrue(sentence.contains("'ui_desk_verify'") && sentence.contains("enrolling"), sentence);
        assertEquals(1, sentence.split("(?<=\\.) ").length, "one sentence: " + sentence);
        robot.clickOn("#enroll-name").write("alice");
        desktop.until("the name typed", () -> "alice".equals(robot.lookup("#enroll-name").queryAs(TextField.class).getText()));
        assertTrue(robot.lookup("#enroll-save").queryAs(Button.class).isDisabled(), "a verify-only desk is offered no enrolling");
    }

    @Test
    void aLostServerIsOneSentenceInTheStatusBarUntilItIsBack(FxRobot robot, PostgresCluster cluster) throws Exception {
        String address = cluster.url(cluster.createDatabase());
        SettingsStore settings = new SettingsStore(home.resolve("config/settings.json"));
        settings.save(new Settings(MODEL, "main", null, false, "", false, address));
        open(robot, settings);
        desktop.until("the server in the status bar", () -> TestDesktop.text(robot, "#status-database").equals("Database: " + address));
        assertFalse(problemShown(robot), "no problem while the server answers");

        cluster.stop();
        try {
            desktop.until("the lost server in the status bar", () -> problemShown(robot));
            assertEquals("The database server 127.0.0.1:" + cluster.port() + " cannot be reached; this desk keeps the speakers "
                    + "it knows and catches up when the server is back.", TestDesktop.text(robot, "#status-database-problem"));
        } finally {
            cluster.start();
        }
        desktop.until("the status bar clear once the server is back", () -> !problemShown(robot)
                && TestDesktop.text(robot, "#status-database-problem").isEmpty());
        assertEquals("Database: " + address, TestDesktop.text(robot, "#status-database"));
        assertTrue(dialogs.errors.isEmpty() && dialogs.warnings.isEmpty(), "the status bar says it, no dialog: "
                + dialogs.errors + " " + dialogs.warnings);
    }

    private static boolean problemShown(FxRobot robot) {
        return robot.lookup("#status-database-problem").queryAs(Label.class).isVisible();
    }

    private void open(FxRobot robot, SettingsStore settings) throws Exception {
        desktop.open(robot, Map.of("HOME", home.toString(), "HF_HOME", home.resolve("hf").toString(),
                "HF_HUB_OFFLINE", "1"), settings);
    }
}
