package io.voxprint.ui.wiring;

import io.voxprint.app.Calibration;
import io.voxprint.app.SelfCalibration;
import io.voxprint.app.Voxprint;
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
        Voxprint v = session.voxprint();
        Calibration c = v.calibration().orElse(null);
        double inForce = v.threshold(v.models().modelSha256());
        // Named after the facade's answer, not decided again here.
        String source = v.options().threshold() != null ? "set in the settings"
                : c != null && inForce == c.eerThreshold() ? "the calibrated equal-error-rate threshold" : "the default";
        return new CalibrationStatus(c, inForce, source);
    }

    @Override
    public CalibrationStatus calibrate() {
        new SelfCalibration(session.voxprint()).run();
        return calibrationStatus();
    }
}
