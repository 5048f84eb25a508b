package io.voxprint.ui.values;

import io.voxprint.app.core.Calibration;

/**
 * The model's calibration (null when there is none) and the threshold decisions use now, with where
 * that threshold comes from.
 *
 * @param source "set in the settings", "calibrated" or "default"
 */
public record CalibrationStatus(Calibration calibration, double thresholdInForce, String source) {
}
