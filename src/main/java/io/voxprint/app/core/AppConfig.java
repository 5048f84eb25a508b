package io.voxprint.app.core;

import io.voxprint.model.hub.HubConfig;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.postgres.PostgresUrl;
import io.voxprint.store.sealed.ProtectedStores;
import io.voxprint.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where things live and which model to use, resolved once from flags and the environment.
 *
 * @param database        the SQLite file ({@code --db} / {@code VOXPRINT_DB} / the user's data folder)
 * @param explicitModel   {@code --model FILE}, or null
 * @param settingsModel   a model file chosen in the UI settings, or null
 * @param revision        Hub revision to use (default {@code main})
 * @param offline         {@code --offline} or {@code HF_HUB_OFFLINE=1}: never touch the network
 * @param dataDir         folder for Voxprint's own files besides the database (calibration)
 * @param env             the environment the config was read from (injectable for tests)
 * @param serverAddress   a {@code postgresql://} address given instead of a file (then {@code database} is null), or null
 */
public record AppConfig(Path database, Path explicitModel, Path settingsModel, String revision, boolean offline,
        Path dataDir, Map<String, String> env, String serverAddress) {

    public static final String DEFAULT_REVISION = "main";

    public AppConfig(Path database, Path explicitModel, Path settingsModel, String revision, boolean offline,
            Path dataDir, Map<String, String> env) {
        this(database, explicitModel, settingsModel, revision, offline, dataDir, env, null);
    }

    /** As {@link #fromEnvironment(Map, Path, Path, Path, String, boolean)}, where {@code --db} may also be a PostgreSQL address. */
    public static AppConfig fromEnvironment(Map<String, String> env, String dbFlag, Path modelFlag, Path settingsModel,
            String revision, boolean offlineFlag) {
        String text = dbFlag != null ? dbFlag : env.get("VOXPRINT_DB");
        if (text != null && PostgresUrl.looksLike(text)) {
            AppConfig files = fromEnvironment(env, (Path) null, modelFlag, settingsModel, revision, offlineFlag);
            // the database is on a server; this user's own files (calibration) stay in the default data folder
            Path dataDir = SqliteStore.defaultLocation().toAbsolutePath().getParent();
            return new AppConfig(null, modelFlag, settingsModel, files.revision(), offlineFlag, dataDir, files.env(), text.strip());
        }
        return fromEnvironment(env, dbFlag == null ? null : Path.of(dbFlag), modelFlag, settingsModel, revision, offlineFlag);
    }

    /** Whether a {@code --db} value (or the settings' data folder) is a PostgreSQL address rather than a file. */
    public static boolean namesServer(String text) {
        return PostgresUrl.looksLike(text);
    }

    /**
     * Opens the store this configuration names (the file, or the PostgreSQL database), protected on
     * either engine alike: unlocked with the passphrase or keyring its key record asks for.
     */
    public VoiceprintStore openStore() {
        return serverAddress != null ? ProtectedStores.openPostgres(serverUrl(), env) : ProtectedStores.openSqlite(database, env);
    }

    /** How the named engine is opened with a given template codec (for the protection's key management). */
    public Function<TemplateCodec, VoiceprintStore> engine() {
        return serverAddress != null ? ProtectedStores.postgres(serverUrl()) : ProtectedStores.sqlite(database);
    }

    private PostgresUrl serverUrl() {
        return PostgresUrl.parse(serverAddress, env, Path.of(env.getOrDefault("HOME", System.getProperty("user.home"))));
    }

    public static AppConfig fromEnvironment(Map<String, String> env, Path dbFlag, Path modelFlag, Path settingsModel,
            String revision, boolean offlineFlag) {
        Path db = dbFlag != null ? dbFlag
                : env.get("VOXPRINT_DB") != null && !env.get("VOXPRINT_DB").isBlank() ? Path.of(env.get("VOXPRINT_DB"))
                : SqliteStore.defaultLocation();
        String rev = revision == null || revision.isBlank() ? DEFAULT_REVISION : revision;
        Path dataDir = db.toAbsolutePath().getParent();
        return new AppConfig(db, modelFlag, settingsModel, rev, offlineFlag, dataDir, Map.copyOf(env));
    }

    public HubConfig hubConfig() {
        return HubConfig.fromEnvironment(env, offline);
    }

    public AppConfig withDatabase(Path db) {
        return new AppConfig(db, explicitModel, settingsModel, revision, offline, db.toAbsolutePath().getParent(), env);
    }

    public AppConfig withSettingsModel(Path model) {
        return new AppConfig(database, explicitModel, model, revision, offline, dataDir, env);
    }
}
