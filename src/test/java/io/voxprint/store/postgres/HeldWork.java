package io.voxprint.store.postgres;

import io.voxprint.store.StoreException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a desk does with a piece of work the database server did not take because it was out of
 * reach: keeps it and runs it again until the server takes it, telling its user once, not at every
 * try. The store never runs a write twice blindly (a commit whose answer was lost may have reached
 * the server), so before each new try the desk asks whether the earlier one was taken after all.
 * Each try waits for a connection as long as the store's pool does, so the tries pace themselves.
 */
public final class HeldWork {

    private HeldWork() {
    }

    /**
     * Runs {@code work} until the server takes it; {@code takenBefore} tells whether an earlier,
     * refused-looking try was committed after all; {@code firstRefusal} hears the first refusal's
     * sentence. Returns how many tries the server refused. Other failures are passed on.
     */
    public static int untilTaken(Runnable work, BooleanSupplier takenBefore, Consumer<StoreException> firstRefusal) {
        int refused = 0;
        while (true) {
            try {
                if (refused == 0 || !takenBefore.getAsBoolean()) {
                    work.run();
                }
                return refused;
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.UNAVAILABLE) {
                    throw e;
                }
                if (refused++ == 0) {
                    firstRefusal.accept(e);
                }
            }
        }
    }
}
