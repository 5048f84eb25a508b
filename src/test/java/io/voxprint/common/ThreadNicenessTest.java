package io.voxprint.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compilers' niceness, in a JVM of its own (it would stay with this test JVM's compilers): every
 * compiler thread gets it, compiler threads the JVM adds later too, and the other threads keep theirs.
 * The calling thread's niceness is {@code ModelThreadNiceness}'s test.
 */
class ThreadNicenessTest {

    @Test
    void theCompilerThreadsAndOnlyThemRunAtTheNiceness() throws Exception {
        try (ChildJvm child = ChildJvm.start(Child.class.getName(), List.of(), List.of(), Map.of())) {
            assertEquals(0, child.waitFor(120), child.output());
            String out = child.output();
            assertTrue(out.contains("CHANGED "), out);
            int changed = Integer.parseInt(out.replaceAll("(?s).*CHANGED (\\d+).*", "$1"));
            assertTrue(changed >= 1, out);
            List<String> threads = out.lines().filter(l -> l.startsWith("THREAD ")).toList();
            assertTrue(threads.stream().anyMatch(l -> l.contains("CompilerThre")), out);
            for (String line : threads) {
                boolean compiler = line.contains("C1 CompilerThre") || line.contains("C2 CompilerThre");
                assertTrue(line.endsWith(compiler ? " nice=7" : " nice=0"), line + "\n" + out);
            }
        }
    }

    /** Applies niceness 7, makes the compilers busy (so the JVM may add compiler threads), lists every thread's niceness. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            System.out.println("CHANGED " + ThreadNiceness.setForCompilerThreads(7));
            long sum = 0;
            for (int i = 0; i < 2_000_000; i++) {
                sum += Integer.toString(i).hashCode() ^ Long.toHexString(sum).length();
            }
            System.out.println("SUM " + sum);
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException e) {
                        continue; // ended meanwhile
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    System.out.println("THREAD " + name + " nice=" + fields[16]);
                }
            }
        }
    }
}
