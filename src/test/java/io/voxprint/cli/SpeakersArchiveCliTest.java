package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.Fixtures;
import io.voxprint.store.Floats;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sealed.PlaintextFinder;
import io.voxprint.store.sealed.SqlDump;
import io.voxprint.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code speakers export} and {@code import} on real files: encrypted unless --plaintext is given,
 * the passphrase from a file (never an argument), and a wrong passphrase or a damaged archive
 * refused in one sentence with the database unchanged.
 */
class SpeakersArchiveCliTest {
    private static final int DIM = 192;
    private static String fixtureSha;

    @TempDir
    Path home;
    Path source;
    Path passphraseFile;

    @BeforeAll
    static void modelSha() throws Exception {
        fixtureSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(CliRun.FIXTURE_MODEL)));
    }

    @BeforeEach
    void aDatabaseWithTwoSpeakers() throws Exception {
        source = home.resolve("source.db");
        try (VoiceprintStore store = SqliteStore.open(source)) {
            store.enroll("Alice", Fixtures.takes("Alice", 3, fixtureSha, 0), true, null);
            store.enroll("Bob", Fixtures.takes("Bob", 2, fixtureSha, 0), true, null);
        }
        passphraseFile = Files.writeString(home.resolve("archive-passphrase"), "tulips in the rain\n");
    }

    private CliRun run(String... args) {
        return CliRun.run(CliRun.env(home), args);
    }

    private List<String> plaintextIn(Path file) throws Exception {
        PlaintextFinder finder = new PlaintextFinder(Files.readAllBytes(file));
        List<String> found = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            found.addAll(finder.findFloats("Alice " + t, Fixtures.vector("Alice", t, DIM)));
        }
        for (int t = 0; t < 2; t++) {
            found.addAll(finder.findFloats("Bob " + t, Fixtures.vector("Bob", t, DIM)));
        }
        String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int t = 0; t < 3; t++) {
            if (text.contains(java.util.Base64.getEncoder().encodeToString(Floats.toBytes(Fixtures.vector("Alice", t, DIM))))) {
                found.add("Alice " + t + " as the archive's base64");
            }
        }
        return found;
    }

    @Test
    void anArchiveIsEncryptedByDefaultAndImportsWithItsPassphrase() throws Exception {
        Path archive = home.resolve("speakers.vxa");
        Map<String, String> env = CliRun.env(home);
        env.put("VOXPRINT_PASSPHRASE_FILE", passphraseFile.toString());
        CliRun export = CliRun.run(env, "speakers", "export", "--db", source.toString(), archive.toString());
        assertEquals(0, export.exitCode, export.toString());
        assertTrue(export.lines().get(0).get("encrypted").asBoolean());
        assertTrue(Files.size(archive) > 5 * DIM * 4, "the archive holds the embeddings");
        assertEquals(List.of(), plaintextIn(archive));

        Path target = home.resolve("target.db");
        CliRun imported = run("speakers", "import", "--db", target.toString(), "--model", CliRun.FIXTURE_MODEL.toString(),
                "--archive-passphrase-file", passphraseFile.toString(), archive.toString());
        assertEquals(0, imported.exitCode, imported.toString());
        try (VoiceprintStore store = SqliteStore.open(target)) {
            List<SpeakerEmbeddings> all = store.embeddings().ofModel(fixtureSha);
            assertEquals(List.of("Alice", "Bob"), all.stream().map(SpeakerEmbeddings::speakerName).toList());
            for (int t = 0; t < 3; t++) {
                float[] expected = Fixtures.vector("Alice", t, DIM);
                float[] actual = all.get(0).embeddings().get(t);
                for (int i = 0; i < DIM; i++) {
                    assertEquals(expected[i], actual[i], 1e-6);
                }
                assertArrayEquals(Floats.toBytes(expected), Floats.toBytes(actual));
            }
        }
    }

    @Test
    void aWrongPassphraseOrADamagedArchiveIsOneSentenceAndChangesNothing() throws Exception {
        Path archive = home.resolve("speakers.vxa");
        assertEquals(0, run("speakers", "export", "--db", source.toString(), "--archive-passphrase-file",
                passphraseFile.toString(), archive.toString()).exitCode);
        Path target = home.resolve("target.db");
        try (VoiceprintStore store = SqliteStore.open(target)) {
            store.enroll("Carol", Fixtures.takes("Carol", 1, fixtureSha, 0), true, null);
        }
        byte[] before = SqlDump.bytes(target);
        Path wrong = Files.writeString(home.resolve("wrong"), "not the passphrase");
        CliRun refused = run("speakers", "import", "--db", target.toString(), "--model", CliRun.FIXTURE_MODEL.toString(),
                "--archive-passphrase-file", wrong.toString(), archive.toString());
        assertEquals(VoxprintCli.ERROR, refused.exitCode);
        assertEquals("voxprint: The passphrase does not open '" + archive + "'; nothing was read from it.\n", refused.err);

        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length - 100] ^= 0x10;
        Path damaged = Files.write(home.resolve("damaged.vxa"), bytes);
        CliRun broken = run("speakers", "import", "--db", target.toString(), "--model", CliRun.FIXTURE_MODEL.toString(),
                "--archive-passphrase-file", passphraseFile.toString(), damaged.toString());
        assertEquals(VoxprintCli.ERROR, broken.exitCode);
        assertEquals("voxprint: The file '" + damaged + "' is damaged (its checksum does not match); nothing was read from it.\n",
                broken.err);

        CliRun noSource = run("speakers", "import", "--db", target.toString(), "--model", CliRun.FIXTURE_MODEL.toString(),
                archive.toString());
        assertEquals(VoxprintCli.ERROR, noSource.exitCode);
        assertEquals("voxprint: A passphrase is needed and there is no terminal to ask on: name a file holding it with"
                + " --passphrase-file or VOXPRINT_PASSPHRASE_FILE.\n", noSource.err);
        assertArrayEquals(before, SqlDump.bytes(target));
    }

    @Test
    void plaintextAndNpyNeedAnExplicitPlaintextAndSayWhatTheyExpose() throws Exception {
        Path archive = home.resolve("plain.json");
        Path npy = home.resolve("plain.npy");
        CliRun refused = run("speakers", "export", "--db", source.toString(), "--npy", npy.toString(), archive.toString());
        assertEquals(VoxprintCli.ERROR, refused.exitCode);
        assertEquals("voxprint: A .npy file cannot be encrypted; add --plaintext to write it anyway (a .npy export exposes"
                + " every enrolled speaker's voiceprints, with their names beside them in the labels file, to anyone who"
                + " can read the files).\n", refused.err);
        assertFalse(Files.exists(npy) || Files.exists(archive), "nothing is written when refused");

        CliRun noPassphrase = run("speakers", "export", "--db", source.toString(), archive.toString());
        assertEquals(VoxprintCli.ERROR, noPassphrase.exitCode, "no passphrase source and no terminal");
        assertFalse(Files.exists(archive), "no plaintext fallback");

        CliRun plain = run("speakers", "export", "--db", source.toString(), "--model", CliRun.FIXTURE_MODEL.toString(),
                "--plaintext", "--npy", npy.toString(), archive.toString());
        assertEquals(0, plain.exitCode, plain.toString());
        assertFalse(plain.lines().get(0).get("encrypted").asBoolean());
        assertTrue(plain.err.contains("voxprint: A plaintext archive exposes every exported speaker's name, notes, photo"
                + " and voiceprints to anyone who can read the file.\n"), plain.err);
        assertTrue(plain.err.contains("voxprint: A .npy export exposes"), plain.err);
        assertFalse(plaintextIn(archive).isEmpty(), "a plaintext archive holds the embeddings readably");
        assertFalse(plaintextIn(npy).isEmpty());

        Path target = home.resolve("target.db");
        CliRun imported = run("speakers", "import", "--db", target.toString(), "--model", CliRun.FIXTURE_MODEL.toString(),
                archive.toString());
        assertEquals(0, imported.exitCode, "a plain archive imports without a passphrase: " + imported);
    }
}
