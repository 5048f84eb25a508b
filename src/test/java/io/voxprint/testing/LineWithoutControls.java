package io.voxprint.testing;

import javax.sound.sampled.Control;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;

/** What the fake sound lines share: no controls, and no listeners to tell (the app registers none). */
interface LineWithoutControls extends Line {
    @Override
    default Control[] getControls() {
        return new Control[0];
    }

    @Override
    default boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    default Control getControl(Control.Type control) {
        throw new IllegalArgumentException("No controls");
    }

    @Override
    default void addLineListener(LineListener listener) {
    }

    @Override
    default void removeLineListener(LineListener listener) {
    }
}
