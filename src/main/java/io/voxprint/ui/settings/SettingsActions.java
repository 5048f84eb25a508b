package io.voxprint.ui.settings;

import io.voxprint.app.settings.Settings;
import io.voxprint.app.settings.SettingsStore;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.CalibrationStatus;

/**
 * Loading, saving and applying settings, and calibrating the threshold. {@link StoredSettingsActions}
 * only reads and writes the file; the connected application also applies what was saved.
 */
public interface SettingsActions {
    SettingsStore.Loaded load();

    /** Saves the settings and applies what can change at once (threshold, AS-norm, keep-audio, model file). */
    void save(Settings settings) throws Exception;

    /** The calibration of the model in use; may load the model, so call it off the FX thread. */
    default CalibrationStatus calibrationStatus() throws Exception {
        throw new UnsupportedOperationException("Calibration needs the speaker model, which is not available here.");
    }

    /** Calibrates the threshold on the enrolled speakers (leave-one-out) and saves the result. */
    default CalibrationStatus calibrate() throws Exception {
        throw new UnsupportedOperationException("Calibration needs the speaker model, which is not available here.");
    }

    /** Which oneDNN instruction set the model runs under in this process, and why, in words; quick. */
    default String instructionSetInUse() {
        return "";
    }

    /**
     * Times the model under each oneDNN instruction set worth trying on this processor, each in a process
     * of its own, and keeps the fastest for the next start; about half a minute. Says what it found, in words.
     */
    default String tuneInstructionSet(Progress progress) throws Exception {
        throw new UnsupportedOperationException("Timing needs the model, which is not available here.");
    }
}
