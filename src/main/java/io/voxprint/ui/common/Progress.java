package io.voxprint.ui.common;

/** Given to background work so it can report how far it got and notice a cancel. */
public interface Progress {
    /** @param fraction 0..1, or negative for "unknown" */
    void update(double fraction);

    void message(String text);

    boolean isCancelled();

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
