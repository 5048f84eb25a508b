package io.voxprint.ui.wiring;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.Calibration;
import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsException;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.ui.values.CalibrationStatus;
import io.voxprint.ui.settings.SettingsActions;

/** Settings view on the session: save and apply, read the calibration, calibrate on the enrolled speakers. */
final class SettingsAdapter implements SettingsActions {
    private final AppSession session;

    SettingsAdapter(AppSession session) {
        this.session = session;
    }

    @Override
    public SettingsStore.Loaded load() {
        return session.settingsStore().load();
    }

    @Override
    public void save(Settings settings) throws SettingsException {
        session.apply(settings);
    }

    @Override
    public CalibrationStatus calibrationStatus() {
        AppContext app = session.app();
        String model = app.models().modelSha256();
        Calibration c = app.policy().calibration(model).orElse(null);
        return new CalibrationStatus(c, app.policy().threshold(model), app.policy().thresholdSource(model));
    }

    @Override
    public CalibrationStatus calibrate() {
        session.app().calibrate().run();
        return calibrationStatus();
    }
}
