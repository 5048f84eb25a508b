package io.voxprint.ui.wiring;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsException;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.model.ModelInfo;
import io.voxprint.model.ModelInterface;
import io.voxprint.model.hub.LocatedModel;
import io.voxprint.ui.values.ModelStatus;
import io.voxprint.ui.values.Take;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import io.voxprint.store.VoiceprintStore;

/**
 * The window's one {@link AppContext} and the settings it was opened with. Settings saved here
 * apply at once where they can (scoring options, model file); the rest (revision, data folder) on
 * the next start. Thread-safe like the use cases.
 */
public final class AppSession implements AutoCloseable {
    /** The database's file name inside a data folder chosen in the settings. */
    public static final String DATABASE_NAME = "voxprint.db";

    private final AppContext app;
    private final SettingsStore settingsStore;
    private volatile Settings settings;

    private AppSession(AppContext app, SettingsStore settingsStore, Settings settings) {
        this.app = app;
        this.settingsStore = settingsStore;
        this.settings = settings;
    }

    /** Opens the database named by the settings (or the environment, or the default); may throw a StoreException. */
    public static AppSession open(Map<String, String> env, SettingsStore store, Settings settings) {
        return open(env, store, settings, AppConfig::openStore);
    }

    /**
     * Opens the database named by the settings with {@code opener}, which may ask the user first
     * (protection, passphrase). The model is not loaded here: the window starts its load once its first
     * section is on screen, since on two cores a load beside the sections' construction took the FX
     * thread's turns on a core.
     */
    static AppSession open(Map<String, String> env, SettingsStore store, Settings settings,
            Function<AppConfig, VoiceprintStore> opener) {
        String db = database(settings.dataFolder());
        Path model = settings.modelFile().isBlank() ? null : Path.of(settings.modelFile());
        AppConfig config = AppConfig.fromEnvironment(env, db, null, model, settings.modelRevision(), false);
        return new AppSession(AppContext.open(config, opener, options(settings)), store, settings);
    }

    /**
     * The database the settings' data folder names: a {@code postgresql://} address as it is (as with
     * {@code --db}), a folder's {@value #DATABASE_NAME}, or null for the environment's or the default.
     */
    static String database(String dataFolder) {
        String text = dataFolder.strip();
        if (text.isEmpty()) {
            return null;
        }
        return AppConfig.namesServer(text) ? text : Path.of(text).resolve(DATABASE_NAME).toString();
    }

    /** The scoring options the settings stand for. */
    public static ScoringOptions options(Settings s) {
        return new ScoringOptions(s.threshold(), s.asNorm(), null, s.keepAudio());
    }

    public AppContext app() {
        return app;
    }

    public Settings settings() {
        return settings;
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    /**
     * Saves the settings and applies them: scoring options at once, a changed model file on the
     * next use of the model. A model file that does not exist is refused before anything is saved.
     */
    public synchronized void apply(Settings next) throws SettingsException {
        boolean modelChanged = !next.modelFile().equals(settings.modelFile());
        if (modelChanged && !next.modelFile().isBlank()) {
            // Checks the file exists (one sentence otherwise) before the settings are written.
            app.models().useFile(Path.of(next.modelFile()));
        }
        settingsStore.save(next);
        settings = next;
        app.setOptions(options(next));
        if (modelChanged && next.modelFile().isBlank()) {
            app.models().useHubCache();
        }
    }

    /** Remembers a model choice made on the first-start screen (empty: the Hugging Face cache). */
    void rememberModelFile(String file) throws SettingsException {
        Settings next = settings.withModelFile(file);
        settingsStore.save(next);
        settings = next;
    }

    /** A take as the use cases take audio: recorded samples, or an imported file (decoded by the use case). */
    public static AudioSource source(Take take) {
        if (take instanceof Take.Recorded r) {
            return AudioSource.samples(take.label(), r.audio().samples(), Math.round(r.audio().sampleRate()));
        }
        return AudioSource.file(((Take.Imported) take).file());
    }

    /** Where the model would come from, without loading it; empty when none is available yet. */
    public Optional<ModelStatus> locatedModel() {
        return app.models().locate().map(where -> new ModelStatus(where.file().getFileName().toString(),
                revisionText(where), "loading the model..."));
    }

    /** Loads (and warms up) the model if needed and describes it for the status bar. */
    public ModelStatus loadedModel() {
        ModelInfo info = app.models().info();
        LocatedModel where = app.models().source();
        String iface = info.modelInterface() == ModelInterface.CURRENT
                ? "ecapa2(audio, label)" : "extract_embedding (older interface)";
        return new ModelStatus(info.file().getFileName().toString(), revisionText(where), iface);
    }

    private static String revisionText(LocatedModel where) {
        if (where.revision() == null) {
            return "local file";
        }
        return "revision " + (where.commit() == null ? where.revision()
                : where.revision() + " @ " + where.commit().substring(0, Math.min(7, where.commit().length())));
    }

    @Override
    public void close() {
        app.close();
    }
}
