package io.voxprint.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void savedSettingsReadBackEqual() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("voxprint/settings.json"));
        Settings s = new Settings("/models/ecapa2.pt", "abc123", 0.3125, true, "USB mic", true, "/data/vox");
        store.save(s);
        SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("voxprint/settings.json")).load();
        assertEquals(s, loaded.settings());
        assertTrue(loaded.warning().isEmpty());
        String json = Files.readString(store.file());
        assertTrue(json.contains("\"threshold\" : 0.3125"), json);
    }

    @Test
    void aSaveReplacesTheFileByMoveAndLeavesNoTemporaryFile() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(Settings.defaults());
        Object before = Files.readAttributes(store.file(), BasicFileAttributes.class).fileKey();
        store.save(new Settings("", "main", 0.7, false, "", false, ""));
        Object after = Files.readAttributes(store.file(), BasicFileAttributes.class).fileKey();
        // A new inode means the old file was replaced whole, never rewritten in place.
        assertNotEquals(before, after);
        assertEquals(0.7, store.load().settings().threshold());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFailedSaveSaysSoInOneSentenceAndLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("settings.json");
        Files.createDirectories(target.resolve("occupied"));
        SettingsException e = assertThrows(SettingsException.class, () -> new SettingsStore(target).save(Settings.defaults()));
        assertEquals("The settings could not be saved to " + target + ".", e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the directory that was in the way");
        }
    }

    @Test
    void aMalformedDatabaseAddressIsRefusedInOneSentenceAndTheFileKeepsTheLastGoodSettings() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        Settings good = new Settings("", "main", null, false, "", false, "postgresql://desk@dbhost:5433/voxprint");
        store.save(good); // well written: saved, whether or not such a server exists
        String before = Files.readString(store.file());

        SettingsException port = assertThrows(SettingsException.class, () -> store.save(new Settings("", "main", null, false,
                "", false, "postgresql://desk@dbhost:99999/voxprint")));
        assertEquals("The database address 'postgresql://desk@dbhost:99999/voxprint' cannot be used: its port '99999' is not "
                + "a number from 1 to 65535.", port.getMessage());
        SettingsException noDatabase = assertThrows(SettingsException.class, () -> store.save(new Settings("", "main", null,
                false, "", false, "postgresql://desk:secret@dbhost/")));
        assertEquals("The database address 'postgresql://desk:***@dbhost/' cannot be used: it names no database "
                + "(postgresql://host/dbname).", noDatabase.getMessage(), "one sentence, without the password");
        assertEquals(before, Files.readString(store.file()), "nothing saved");
        assertEquals(good, store.load().settings());
    }

    @Test
    void anUnreadableFileGivesDefaultsAndAWarning() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"threshold\": 0.4, oops");
        SettingsStore.Loaded loaded = new SettingsStore(file).load();
        assertEquals(Settings.defaults(), loaded.settings());
        assertEquals("The settings file " + file + " could not be read, so default settings are used.", loaded.warning().orElseThrow());
    }

    @Test
    void missingFieldsTakeDefaultsAndUnknownOnesAreIgnored() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ \"threshold\": 0.42, \"futureOption\": 3 }");
        SettingsStore.Loaded loaded = new SettingsStore(file).load();
        assertEquals(0.42, loaded.settings().threshold());
        assertEquals("main", loaded.settings().modelRevision());
        assertFalse(loaded.settings().keepAudio());
        assertTrue(loaded.warning().isEmpty());
    }

    @Test
    void theDefaultLocationFollowsXdgConfigHome() {
        assertEquals(Path.of("/cfg/voxprint/settings.json"), SettingsStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/cfg"), "/home/u"));
        assertEquals(Path.of("/home/u/.config/voxprint/settings.json"), SettingsStore.defaultFile(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.config/voxprint/settings.json"),
                SettingsStore.defaultFile(Map.of("XDG_CONFIG_HOME", "relative"), "/home/u"), "relative paths are ignored, as the spec says");
    }
}
