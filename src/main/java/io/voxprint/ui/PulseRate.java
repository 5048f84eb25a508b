package io.voxprint.ui;

import java.util.Optional;

/**
 * How often JavaFX lays out and draws the window, chosen before the toolkit starts (it reads
 * {@code javafx.animation.pulse} and {@code javafx.animation.framerate} once).
 *
 * <p>On a machine with few cores the model's threads take every core during a call, and every frame
 * JavaFX draws is taken from them: with the software renderer (no GPU, as in a virtual machine or a
 * remote desktop), the progress bar's animation alone kept the renderer at 40 % of a core. At 30
 * pulses a second instead of 60, on two cores with the ECAPA2-sized model (two runs each of
 * {@code bench/app/desktop.sh standin}), an enrollment of three takes took 11.0 and 11.2 s instead of
 * 15.8 and 16.7 s, and a recorded 3 s take was decided 1.5 and 1.8 s after Stop instead of 2.8 and
 * 3.0 s; the renderer's share fell from 5.1 to 6.6 s of a core to 1.7 to 1.8 s during the enrollment.
 * With more cores the model leaves room, and JavaFX keeps its own rate. A rate the user set is kept.
 */
public final class PulseRate {
    static final String PULSE = "javafx.animation.pulse";
    static final String FRAME_RATE = "javafx.animation.framerate";
    /** At most this many cores get the lower rate. */
    static final int FEW_CORES = 4;
    static final String LOWER_RATE = "30";

    private PulseRate() {
    }

    /** Sets the lower rate where it helps; must run before the toolkit starts. */
    public static void applyDefault() {
        rateFor(Runtime.getRuntime().availableProcessors(), System.getProperty(PULSE), System.getProperty(FRAME_RATE))
                .ifPresent(rate -> {
                    System.setProperty(PULSE, rate);
                    System.setProperty(FRAME_RATE, rate);
                });
    }

    /** The rate to set, or nothing to leave JavaFX's (or the user's) own. */
    static Optional<String> rateFor(int cores, String userPulse, String userFrameRate) {
        if (userPulse != null || userFrameRate != null || cores > FEW_CORES) {
            return Optional.empty();
        }
        return Optional.of(LOWER_RATE);
    }
}
