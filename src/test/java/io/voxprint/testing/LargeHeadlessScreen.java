package io.voxprint.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives Monocle's headless screen room for a 1920x1080 window (its default is 1280x800, and a
 * bigger window overflows its buffer). Must come before ApplicationExtension, since the toolkit
 * reads the property once, when the first test class starts it.
 */
public final class LargeHeadlessScreen implements BeforeAllCallback {
    static {
        if (System.getProperty("headless.geometry") == null) {
            System.setProperty("headless.geometry", "1920x1200-32");
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The static initialiser did the work; this hook only makes JUnit load the class early.
    }
}
