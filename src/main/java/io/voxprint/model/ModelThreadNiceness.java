package io.voxprint.model;

import io.voxprint.common.ThreadNiceness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the scheduling priority of the thread that owns a model, and with it of libtorch's OpenMP
 * workers, which that thread creates and which inherit its niceness (Linux keeps it per thread).
 *
 * <p>The desktop asks for it ({@code voxprint.model.niceness}, set by the desktop's wiring): on two
 * cores a model call keeps both busy for seconds, and the JavaFX and render threads then wait for a
 * core between pulses. With the model's threads at a lower priority the scheduler hands a core to the
 * UI the moment it wakes, and the model gets everything the UI leaves. The command line leaves it
 * unset, so a batch competes with other programs at the normal priority.
 */
public final class ModelThreadNiceness {
    private static final Logger LOG = LoggerFactory.getLogger(ModelThreadNiceness.class);
    static final String PROPERTY = "voxprint.model.niceness";

    private ModelThreadNiceness() {
    }

    /** Sets the niceness models loaded from now on give their threads, unless the user set one. */
    public static void setDefault(int niceness) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(niceness));
        }
    }

    /** Applies the configured niceness to the calling thread; no property, no change. */
    static void applyToCurrentThread() {
        String value = System.getProperty(PROPERTY, "").trim();
        if (value.isEmpty()) {
            return;
        }
        try {
            ThreadNiceness.setForCurrentThread(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            LOG.info("Model thread niceness not applied: {}", e.toString());
        }
    }
}
