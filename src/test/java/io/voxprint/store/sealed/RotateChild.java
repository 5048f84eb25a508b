package io.voxprint.store.sealed;

import io.voxprint.store.sqlite.SqliteEngine;
import java.nio.file.Path;

/** A JVM that re-keys one database again and again until it is killed. */
public final class RotateChild {

    private RotateChild() {
    }

    public static void main(String[] args) {
        try (ProtectedStore store = ProtectedStoreTest.openUnlocked(SqliteEngine.of(Path.of(args[0])), args[1].toCharArray())) {
            System.out.println("READY");
            for (int n = 1;; n++) {
                store.rotate();
                System.out.println("ROTATED " + n + " " + store.keyRecord().orElseThrow().keyId());
            }
        }
    }
}
