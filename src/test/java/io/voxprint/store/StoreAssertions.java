package io.voxprint.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.StoreEngine.TestDatabase;
import io.voxprint.store.StoreException.Kind;
import org.junit.jupiter.api.function.Executable;

/** How a refused call must look on every engine. */
public final class StoreAssertions {

    private StoreAssertions() {
    }

    /** Runs {@code call}, which must fail with {@code kind} and one sentence, leaving {@code db} unchanged. */
    public static StoreException refusedUnchanged(TestDatabase db, Kind kind, Executable call) {
        String before = db.dump();
        StoreException e = assertThrows(StoreException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(before, db.dump(), "the database changed");
        assertOneSentence(e.getMessage());
        return e;
    }

    public static void assertOneSentence(String m) {
        assertTrue(m.endsWith(".") && !m.contains("\n") && Character.isUpperCase(m.charAt(0)) || m.startsWith("'"), m);
        assertFalse(m.contains("Exception"), m);
    }

}
