package io.voxprint.ui.wiring;

import io.voxprint.model.ModelThreadNiceness;
import io.voxprint.ui.common.BackgroundPriority;
import io.voxprint.common.UserMessage;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.audio.capture.SoundDevices;
import io.voxprint.ui.UiActions;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.shell.ProtectionQuestions;
import io.voxprint.ui.values.ModelStatus;
import io.voxprint.ui.photo.WebcamCamera;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the desktop UI's actions on one {@link AppSession}: every view's action interface is an
 * adapter over the use cases of one {@code AppContext}. Anything that goes wrong while opening (unreadable
 * settings, a database that cannot be opened, a model file that is missing) becomes a sentence in
 * {@link UiActions#notices()}; the stack trace goes to the log.
 */
public final class ConnectedUi {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectedUi.class);

    private ConnectedUi() {
    }

    /** The real application: the process environment and {@code settings.json} at its default place. */
    public static UiActions create(DialogService dialogs) {
        return create(System.getenv(), SettingsStore.atDefaultLocation(), dialogs);
    }

    /**
     * Opens the database after asking, through {@code dialogs}, what the user must decide first: how
     * to protect a new database, whether to encrypt a plain one from an older Voxprint (once), and
     * the passphrase of a protected one.
     */
    public static UiActions create(Map<String, String> env, SettingsStore settingsStore, DialogService dialogs) {
        ModelThreadNiceness.setDefault(BackgroundPriority.NICENESS);
        SettingsStore.Loaded loaded = settingsStore.load();
        List<String> notices = new ArrayList<>();
        loaded.warning().ifPresent(notices::add);
        Settings settings = loaded.settings();
        AppSession session;
        try {
            ProtectionQuestions questions = new ProtectionQuestions(dialogs);
            session = AppSession.open(env, settingsStore, settings, config -> ProtectedOpening.open(config, questions));
        } catch (ProtectedOpening.NotOpened e) {
            notices.add(e.getMessage());
            return UiActions.unavailable(new io.voxprint.ui.settings.StoredSettingsActions(settingsStore),
                    "not opened", e.getMessage(), notices);
        } catch (RuntimeException e) {
            LOG.error("Cannot open the database", e);
            String sentence = UserMessage.of(e);
            notices.add(sentence + " Choose another data folder in Settings, then start Voxprint again.");
            return UiActions.unavailable(new io.voxprint.ui.settings.StoredSettingsActions(settingsStore),
                    "could not be opened", sentence, notices);
        }
        locate(session, notices);
        AppSession open = session;
        return new UiActions(new ModelSetupAdapter(session), new EnrollAdapter(session), new VerifyAdapter(session),
                new IdentifyAdapter(session), new FeaturesAdapter(session), new SpeakersAdapter(session),
                new TimelineAdapter(session, SoundDevices.system()), new SettingsAdapter(session), new WebcamCamera(),
                () -> locate(open, new ArrayList<>()),
                () -> open.app().databaseFile() == null ? open.app().databaseLocation()
                        : withTilde(open.app().databaseFile().toAbsolutePath().toString()),
                open.app()::serverProblem, notices, open::close);
    }

    /** A path under the home folder as "~/..." (shorter in the status bar; the tooltip shows it too). */
    static String withTilde(String path) {
        String home = System.getProperty("user.home");
        return home != null && !home.isEmpty() && path.startsWith(home + "/") ? "~" + path.substring(home.length()) : path;
    }

    /** The model found now (a quick look, nothing loaded), or empty (then the first-start screen); a missing chosen file adds a notice. */
    private static Optional<ModelStatus> locate(AppSession session, List<String> notices) {
        try {
            return session.locatedModel();
        } catch (RuntimeException e) {
            LOG.warn("No usable model file", e);
            notices.add(UserMessage.of(e));
            return Optional.empty();
        }
    }
}
