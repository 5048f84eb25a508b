package io.voxprint.model;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * This process's environment as native libraries see it. Several of libtorch's parts read their switches
 * from the environment once, when they load or first run; a Java program cannot change its own
 * environment, so libc's {@code setenv} is called through JNA before the engine starts.
 */
final class NativeEnvironment {

    private NativeEnvironment() {
    }

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private static LibC libc;

    /** Loaded on first use, so that a failure reaches the caller as an UnsatisfiedLinkError. */
    private static synchronized LibC libc() {
        if (libc == null) {
            libc = Native.load("c", LibC.class);
        }
        return libc;
    }

    /** The variable as libc sees it now (Java's {@code System.getenv} is a copy taken at start). */
    static String get(String name) {
        return libc().getenv(name);
    }

    /**
     * Sets the variable unless it is already set, so that a user's own choice wins.
     *
     * @return true when this call set it
     * @throws UnsatisfiedLinkError or a RuntimeException when libc cannot be reached through JNA
     */
    static boolean setUnlessSet(String name, String value) {
        if (get(name) != null) {
            return false;
        }
        libc().setenv(name, value, 0);
        return true;
    }
}
