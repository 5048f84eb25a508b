package io.voxprint.ui.common;

/** Given to background work so it can report how far it got and notice a cancel. */
public interface Progress {
    /** @param fraction 0..1, or negative for "unknown" */
    void update(double fraction);

    void message(String text);

    boolean isCancelled();

    /**
     * Hands a partial result to the thread the job's callbacks run on (the FX thread with
     * {@link FxTaskRunner}), so a view can show results while the job still runs. Dropped once the
     * job is cancelled. Without a separate callback thread it runs at once.
     */
    default void publish(Runnable update) {
        if (!isCancelled()) {
            update.run();
        }
    }

    Progress NONE = new Progress() {
        @Override
        public void update(double fraction) {
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
