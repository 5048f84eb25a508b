package io.voxprint.store;

/**
 * Hears about changes to speakers made through any connection to the same records, this program's
 * and other desks' alike (see {@link VoiceprintStore#watch}). Called on the store's own threads:
 * changes of single speakers in order on one, the server's loss and return on another; keep the work short.
 */
public interface SpeakerChanges {

    /**
     * The speaker now called {@code name} was added, enrolled again, renamed to this name or deleted
     * (then it is no longer found); {@code formerNameOrNull} is the name it had before a rename.
     */
    void speakerChanged(String name, String formerNameOrNull);

    /** Changes may have been missed (the server was out of reach and is back): read everything again. */
    void everythingMayHaveChanged();

    /** The server cannot be reached now; {@code sentence} tells the user so. Changes resume with {@link #everythingMayHaveChanged()}. */
    default void serverLost(String sentence) {
    }

    /** An open subscription; closing it stops the calls. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
