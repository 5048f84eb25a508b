package io.voxprint.ui.settings;

import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsException;
import io.voxprint.app.settings.SettingsStore;

/** Settings in {@code settings.json} through {@link SettingsStore}. */
public final class StoredSettingsActions implements SettingsActions {
    private final SettingsStore store;

    public StoredSettingsActions(SettingsStore store) {
        this.store = store;
    }

    @Override
    public SettingsStore.Loaded load() {
        return store.load();
    }

    @Override
    public void save(Settings settings) throws SettingsException {
        store.save(settings);
    }
}
