package io.voxprint.app.core;

/**
 * The user's scoring options in force now. The CLI fixes them per command; the desktop replaces
 * them when the settings are saved, and every use case sees the change on its next call.
 */
public final class LiveOptions {
    private volatile ScoringOptions options;

    public LiveOptions(ScoringOptions options) {
        this.options = options;
    }

    public ScoringOptions get() {
        return options;
    }

    public void set(ScoringOptions options) {
        this.options = options;
    }
}
