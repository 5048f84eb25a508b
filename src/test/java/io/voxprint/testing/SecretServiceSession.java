package io.voxprint.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A desktop keyring of its own for a test: a private D-Bus session bus and GNOME Keyring's Secret
 * Service on it, with its keyrings under {@code home} (Debian packages gnome-keyring and
 * libsecret-tools; tools/dev.sh installs them). Nothing of the machine's own session is touched.
 */
public final class SecretServiceSession implements AutoCloseable {
    private final Process bus;
    private final Map<String, String> environment;

    private SecretServiceSession(Process bus, Map<String, String> environment) {
        this.bus = bus;
        this.environment = environment;
    }

    public static SecretServiceSession start(Path home) throws IOException {
        Path runtime = Files.createDirectories(home.resolve("run"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));

        ProcessBuilder busBuilder = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        busBuilder.environment().putAll(env);
        Process bus = busBuilder.start();
        String address = firstLine(bus, "the session bus");
        env.put("DBUS_SESSION_BUS_ADDRESS", address);

        // --unlock reads the login keyring's password from stdin and creates that keyring when missing; the
        // command returns once the daemon it forks serves the Secret Service, and that daemon ends with the bus
        ProcessBuilder daemon = new ProcessBuilder("gnome-keyring-daemon", "--unlock", "--components=secrets")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        daemon.environment().putAll(env);
        Process starting = daemon.start();
        try (OutputStream in = starting.getOutputStream()) {
            in.write("a test keyring password".getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (starting.waitFor() != 0) {
                bus.destroyForcibly();
                throw new IOException("the keyring daemon did not start (exit " + starting.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bus.destroyForcibly();
            throw new IOException("interrupted while the keyring daemon started", e);
        }
        return new SecretServiceSession(bus, Map.copyOf(env));
    }

    /** What a process needs in its environment to reach this keyring. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Runs secret-tool in this session; returns its standard output. */
    public String secretTool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("secret-tool"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String firstLine(Process p, String what) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || line.isBlank()) {
            p.destroyForcibly();
            throw new IOException(what + " did not start (are dbus and gnome-keyring installed?)");
        }
        return line.strip();
    }

    @Override
    public void close() {
        bus.destroyForcibly(); // the keyring daemon leaves with its bus
    }
}
