package io.voxprint.ui.settings;

import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;

/** Loading and saving settings; {@link StoredSettingsActions} is the real one. */
public interface SettingsActions {
    SettingsStore.Loaded load();

    void save(Settings settings) throws Exception;
}
