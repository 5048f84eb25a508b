package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The niceness lands on the calling thread only, as the kernel reports it in /proc. */
class ModelThreadNicenessTest {

    @Test
    void theCallingThreadGetsTheNicenessAndOtherThreadsKeepTheirs() throws Exception {
        String before = System.getProperty(ModelThreadNiceness.PROPERTY);
        int base = niceOfThisThread(); // a build run under nice starts above 0
        int wanted = Math.min(19, base + 3);
        System.setProperty(ModelThreadNiceness.PROPERTY, Integer.toString(wanted));
        try {
            CompletableFuture<Integer> applied = new CompletableFuture<>();
            CompletableFuture<Integer> childOfApplied = new CompletableFuture<>();
            Thread owner = new Thread(() -> {
                ModelThreadNiceness.applyToCurrentThread();
                applied.complete(niceOfThisThread());
                // a thread it starts inherits it, as libtorch's OpenMP workers do
                Thread child = new Thread(() -> childOfApplied.complete(niceOfThisThread()));
                child.start();
            });
            owner.start();
            assertEquals(wanted, applied.get());
            assertEquals(wanted, childOfApplied.get());
            assertEquals(base, niceOfThisThread(), "the test's own thread is untouched");
        } finally {
            if (before == null) {
                System.clearProperty(ModelThreadNiceness.PROPERTY);
            } else {
                System.setProperty(ModelThreadNiceness.PROPERTY, before);
            }
        }
    }

    /** Field 19 of /proc/thread-self/stat (after the command name in parentheses, field 17 counting from 3). */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
