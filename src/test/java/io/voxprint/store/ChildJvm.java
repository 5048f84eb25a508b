package io.voxprint.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running {@link StoreChild} (or any main class) on the test class path; its output is
 * read line by line.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer all = new StringBuffer();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    all.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child was killed: its output simply ends
            }
            lines.add("<EOF>");
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(List<String> args, Map<String, String> env) throws IOException {
        return start(StoreChild.class.getName(), List.of(), args, env);
    }

    /** Any main class of the test class path, with extra JVM options and environment variables. */
    public static ChildJvm start(String mainClass, List<String> jvmOptions, List<String> args, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new ChildJvm(pb.start());
    }

    public static String runToEnd(List<String> args, Map<String, String> env) throws Exception {
        try (ChildJvm child = start(args, env)) {
            int rc = child.waitFor(60);
            if (rc != 0) {
                throw new AssertionError("child " + args + " exited with " + rc + ":\n" + child.output());
            }
            return child.output();
        }
    }

    /** Waits for a line starting with {@code prefix}; returns it. */
    public String await(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(50, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.equals("<EOF>")) {
                throw new AssertionError("child ended before '" + prefix + "':\n" + output());
            }
        }
        throw new AssertionError("child did not print '" + prefix + "' within " + seconds + " s:\n" + output());
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        process.waitFor();
    }

    /** Asks the child to end (SIGTERM on Linux): its shutdown hooks run, as when a user presses Ctrl+C. */
    public void terminate() {
        process.destroy();
    }

    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish within " + seconds + " s:\n" + output());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** Sleeps up to {@code millis}; true while the child is still running. */
    public boolean waitForQuietly(long millis) throws InterruptedException {
        return !process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    public String output() {
        return all.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
