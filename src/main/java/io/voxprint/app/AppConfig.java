package io.voxprint.app;

import io.voxprint.model.hub.HubConfig;
import io.voxprint.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.Map;

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
 */
public record AppConfig(Path database, Path explicitModel, Path settingsModel, String revision, boolean offline,
        Path dataDir, Map<String, String> env) {

    public static final String DEFAULT_REVISION = "main";

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
