package io.voxprint.crypto;

import io.voxprint.crypto.CryptoException.Kind;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Secret Service (GNOME Keyring, KWallet 5.97+, KeePassXC) through libsecret's {@code secret-tool}.
 * Chosen over speaking D-Bus directly: it needs no D-Bus library, negotiates the service's session
 * encryption itself and unlocks a locked collection with the desktop's own prompt. Entries carry the
 * attributes {@code application=voxprint} and {@code database=<id>}; the secret is base64 text.
 */
public final class SecretToolKeyring implements Keyring {

    private static final long TIMEOUT_S = 60; // the desktop may ask the user to unlock the keyring
    private final Map<String, String> environment;

    /** Uses this process's environment to find {@code secret-tool} and the session bus. */
    public SecretToolKeyring() {
        this(System.getenv());
    }

    public SecretToolKeyring(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Whether a keyring can be reached at all; {@link #require()} says why not. */
    public boolean available() {
        return tool().isPresent() && sessionBus();
    }

    /** Throws the one-sentence refusal when no keyring can be reached. */
    public void require() {
        if (tool().isEmpty()) {
            throw missing("the secret-tool program (package libsecret-tools) is not installed");
        }
        if (!sessionBus()) {
            throw missing("no desktop session bus is running");
        }
    }

    @Override
    public void store(String databaseId, byte[] secret) {
        byte[] text = Base64.getEncoder().encode(secret);
        try {
            run(text, "store", "--label=Voxprint voiceprint database " + databaseId, "application", "voxprint",
                    "database", databaseId);
        } finally {
            Secrets.zero(text);
        }
    }

    @Override
    public byte[] lookup(String databaseId) {
        byte[] out = run(null, "lookup", "application", "voxprint", "database", databaseId);
        try {
            String text = new String(out, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) {
                throw new CryptoException(Kind.WRONG_KEY, "The desktop keyring holds no key for this database "
                        + "(it was made on another account or the entry was removed); unlock it with its passphrase or restore the keyring.");
            }
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CryptoException(Kind.WRONG_KEY, "The desktop keyring's entry for this database is not a Voxprint key.");
        } finally {
            Secrets.zero(out);
        }
    }

    @Override
    public void delete(String databaseId) {
        run(null, "clear", "application", "voxprint", "database", databaseId);
    }

    private byte[] run(byte[] stdin, String... args) {
        require();
        List<String> command = new ArrayList<>();
        command.add(tool().orElseThrow().toString());
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            // the session bus this keyring was found on is the one secret-tool must talk to
            builder.environment().putAll(environment);
            Process p = builder.start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw missing("the keyring did not answer within " + TIMEOUT_S + " seconds");
            }
            // lookup answers 1 with no output when nothing is stored: the caller's empty check says so
            if (p.exitValue() != 0 && !(args[0].equals("lookup") && out.length == 0)) {
                throw missing("secret-tool " + args[0] + " failed with status " + p.exitValue());
            }
            return out;
        } catch (IOException e) {
            throw new CryptoException(Kind.MISSING_KEYRING, "The desktop keyring could not be reached (" + e.getMessage()
                    + "); use a passphrase instead.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw missing("waiting for it was interrupted");
        }
    }

    private Optional<Path> tool() {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "secret-tool");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private boolean sessionBus() {
        String bus = environment.get("DBUS_SESSION_BUS_ADDRESS");
        if (bus != null && !bus.isBlank()) {
            return true;
        }
        String runtime = environment.get("XDG_RUNTIME_DIR");
        return runtime != null && Files.exists(Path.of(runtime, "bus"));
    }

    private static CryptoException missing(String why) {
        return new CryptoException(Kind.MISSING_KEYRING, "No desktop keyring is available (" + why
                + "); use a passphrase instead.");
    }
}
