package io.voxprint.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;

/**
 * What every reader of untrusted bytes promises: a result or its package's typed exception whose
 * message is one readable sentence, and no allocation that a declared size asked for.
 */
public final class Contract {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final Pattern TRACE = Pattern.compile("\\tat |[A-Za-z]+(Exception|Error)\\b|\\bjava\\.[a-z]+\\.");

    private Contract() {
    }

    /**
     * One sentence: one line, starts with a capital or a quoted name, ends with a full stop, no
     * second sentence and nothing of a stack trace. Quoted values ('...') and the given
     * {@code names} are left out of the sentence checks: they echo what the user gave and may hold
     * anything except a line break.
     */
    public static void assertOneSentence(String message, String... names) {
        assertTrue(message != null && !message.isBlank(), "a message");
        assertTrue(message.indexOf('\n') < 0 && message.indexOf('\r') < 0, "one line: " + message);
        assertTrue(message.length() <= 600, "short: " + message);
        String m = message;
        for (String name : names) {
            m = m.replace(name, "NAME");
        }
        m = QUOTED.matcher(m).replaceAll("Q");
        assertTrue(Character.isUpperCase(m.charAt(0)) || m.charAt(0) == 'Q', "starts a sentence: " + message);
        assertTrue(m.endsWith("."), "ends a sentence: " + message);
        assertTrue(!TRACE.matcher(m).find(), "no trace: " + message);
        String inner = m.substring(0, m.length() - 1);
        for (int i = inner.indexOf(". "); i >= 0; i = inner.indexOf(". ", i + 1)) {
            if (i + 2 < inner.length() && Character.isUpperCase(inner.charAt(i + 2))) {
                fail("a second sentence: " + message);
            }
        }
    }

    /** A forged size must not reach an allocator, not even one whose failure is caught. */
    public static void assertNoFailedAllocation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                fail("an impossible allocation was attempted: " + c, t);
            }
        }
    }

    /** Bytes this thread has allocated so far (TLAB-accurate, garbage included); subtract two readings. */
    public static long allocatedBytes() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
