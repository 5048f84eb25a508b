package io.voxprint.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that a refusal is one readable sentence of the expected kind. */
final class Sentences {

    private Sentences() {
    }

    static CryptoException refused(CryptoException.Kind kind, Executable action) {
        CryptoException e = assertThrows(CryptoException.class, action);
        assertEquals(kind, e.kind(), e.getMessage());
        String m = e.getMessage();
        assertTrue(m.endsWith(".") && !m.contains("\n") && Character.isUpperCase(m.charAt(0)), "one sentence: " + m);
        return e;
    }
}
