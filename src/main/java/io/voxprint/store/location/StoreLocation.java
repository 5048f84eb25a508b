package io.voxprint.store.location;

import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.postgres.PostgresStore;
import io.voxprint.store.postgres.PostgresUrl;
import io.voxprint.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the voiceprints live, as the user names it with {@code --db}, {@code VOXPRINT_DB} or the
 * settings: a {@code postgresql://} address means a team's PostgreSQL database, anything else a
 * SQLite file of this user's. Lives apart from both engines so that neither depends on the other.
 */
public sealed interface StoreLocation {

    /** The engine's name as {@code voxprint db info} prints it. */
    String engine();

    /** Opens (creating or upgrading the schema). */
    VoiceprintStore open();

    /** A folder for this user's own files beside the store (calibration); the file's folder for SQLite. */
    Path dataFolder();

    static StoreLocation parse(String text, Map<String, String> env, Path home) {
        if (PostgresUrl.looksLike(text)) {
            return new Server(PostgresUrl.parse(text, env, home));
        }
        return new File(Path.of(text.strip()));
    }

    /**
     * Refuses, in one sentence, a location that could never be opened because it is written wrongly
     * (a malformed {@code postgresql://} address), so Settings can refuse it when it is typed rather
     * than at the next start; whether the server or the file is there is found out when it is opened.
     */
    static void refuseMalformed(String text) {
        if (PostgresUrl.looksLike(text)) {
            PostgresUrl.checkWritten(text);
        }
    }

    /** A SQLite file. */
    record File(Path file) implements StoreLocation {
        @Override
        public String engine() {
            return "sqlite";
        }

        @Override
        public VoiceprintStore open() {
            return SqliteStore.open(file);
        }

        @Override
        public Path dataFolder() {
            return file.toAbsolutePath().getParent();
        }
    }

    /** A PostgreSQL database; this user's own files stay in the default data folder. */
    record Server(PostgresUrl url) implements StoreLocation {
        @Override
        public String engine() {
            return "postgresql";
        }

        @Override
        public VoiceprintStore open() {
            return PostgresStore.open(url);
        }

        @Override
        public Path dataFolder() {
            return SqliteStore.defaultLocation().toAbsolutePath().getParent();
        }
    }
}
