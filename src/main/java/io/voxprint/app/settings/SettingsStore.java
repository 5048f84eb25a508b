package io.voxprint.app.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.voxprint.common.AtomicFiles;
import io.voxprint.store.StoreException;
import io.voxprint.store.location.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code settings.json}. A write goes to a temporary file in the same folder that
 * then replaces the old file with an atomic move, so a crash never leaves half a file. A file that
 * cannot be read gives the defaults and a warning sentence instead of stopping the program.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The settings read, and a sentence for the user when the file was unusable. */
    public record Loaded(Settings settings, Optional<String> warning) {
    }

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CONFIG_HOME/voxprint/settings.json}, or {@code ~/.config/voxprint/settings.json}. */
    public static SettingsStore atDefaultLocation() {
        return new SettingsStore(defaultFile(System.getenv(), System.getProperty("user.home")));
    }

    static Path defaultFile(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return base.resolve("voxprint").resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Settings.defaults(), Optional.empty());
        }
        try {
            Settings read = JSON.readValue(file.toFile(), Settings.class);
            return new Loaded(read == null ? Settings.defaults() : read, Optional.empty());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable settings file {}", file, e);
            return new Loaded(Settings.defaults(), Optional.of(
                    "The settings file " + file + " could not be read, so default settings are used."));
        }
    }

    /** Saves the settings; a database address written wrongly is refused in one sentence and nothing is saved. */
    public void save(Settings settings) throws SettingsException {
        try {
            StoreLocation.refuseMalformed(settings.dataFolder());
        } catch (StoreException e) {
            throw new SettingsException(e.getMessage(), e);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, out -> JSON.writeValue(out, settings));
        } catch (IOException e) {
            throw new SettingsException("The settings could not be saved to " + file + ".", e);
        }
    }
}
