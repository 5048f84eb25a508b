package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.voxprint.store.DbDump;
import io.voxprint.store.Fixtures;
import io.voxprint.store.sealed.PlaintextFinder;
import io.voxprint.store.sealed.SqlDump;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a database protected from its first write: three speakers enrolled with kept audio and
 * a photo leave no embedding (as {@code embed} prints it, in either byte order) and no photo in the
 * file, its WAL or a dump; every score equals the one from a plain database; a wrong passphrase is
 * one sentence and changes nothing; rotation and a new passphrase keep every score.
 */
class EncryptedDatabaseCliTest {

    private static final List<String> WHO = List.of("alice", "bob", "carol");

    @TempDir
    Path home;

    private static String e2e(String name) {
        return CliRun.E2E.resolve(name).toString();
    }

    private static String model() {
        return CliRun.FIXTURE_MODEL.toString();
    }

    /** What {@code VOXPRINT_DB} names for the database called {@code db} in this test. */
    String location(String db) {
        return home.resolve(db).toString();
    }

    /** Everything a copy of the database shows someone without its key: the file, its WAL, a dump. */
    List<byte[]> exposed(String db) throws Exception {
        Path file = home.resolve(db);
        Path wal = Path.of(file + "-wal");
        return List.of(Files.readAllBytes(file), Files.exists(wal) ? Files.readAllBytes(wal) : new byte[0], SqlDump.bytes(file));
    }

    /** Every row of every table, read past Voxprint: equal dumps mean nothing changed. */
    String dump(String db) {
        return DbDump.of(home.resolve(db));
    }

    private Map<String, String> env(String db, String passphraseOrNull) throws Exception {
        Map<String, String> env = new HashMap<>(CliRun.env(home));
        env.put("VOXPRINT_DB", location(db));
        if (passphraseOrNull != null) {
            Path file = home.resolve("pass-" + Integer.toHexString(passphraseOrNull.hashCode()));
            Files.writeString(file, passphraseOrNull + "\n", StandardCharsets.UTF_8);
            env.put("VOXPRINT_PASSPHRASE_FILE", file.toString());
        }
        return env;
    }

    private Path enrollThree(Map<String, String> env) throws Exception {
        Path photo = home.resolve("photo.png");
        Files.write(photo, Fixtures.png(0x405060));
        for (String who : WHO) {
            CliRun r = CliRun.run(env, "enroll", "--model", model(), "--name", who, "--keep-audio", "--photo",
                    photo.toString(), e2e(who + "-1.wav"), e2e(who + "-2.wav"));
            assertEquals(0, r.exitCode, r.toString());
        }
        return photo;
    }

    private static List<Double> scores(Map<String, String> env) {
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < WHO.size(); i++) { // each speaker against its own probe and the next one's
            for (String probe : List.of(WHO.get(i), WHO.get((i + 1) % WHO.size()))) {
                CliRun v = CliRun.run(env, "verify", "--model", model(), "--name", WHO.get(i), "--threshold", "0",
                        e2e(probe + "-4.wav"));
                assertTrue(v.exitCode == VoxprintCli.OK || v.exitCode == VoxprintCli.REJECTED, v.toString());
                scores.add(v.single().get("score").asDouble());
            }
        }
        return scores;
    }

    private List<String> leaks(String db, List<float[]> embeddings, byte[] photo) throws Exception {
        List<String> found = new ArrayList<>();
        List<byte[]> sources = exposed(db);
        for (int s = 0; s < sources.size(); s++) {
            PlaintextFinder finder = new PlaintextFinder(sources.get(s));
            for (int i = 0; i < embeddings.size(); i++) {
                found.addAll(finder.findFloats("source " + s + " embedding " + i, embeddings.get(i)));
            }
            found.addAll(finder.findBytes("source " + s + " photo", photo));
        }
        return found;
    }

    @Test
    void protectedFromTheFirstWriteWithTheSameScores() throws Exception {
        Map<String, String> sealed = env("sealed.db", "a passphrase for three voices");
        Map<String, String> plain = env("plain.db", null);
        byte[] photo = Files.readAllBytes(enrollThree(sealed));
        enrollThree(plain);

        List<String> files = new ArrayList<>(List.of("embed", "--model", model()));
        WHO.forEach(w -> List.of(1, 2).forEach(i -> files.add(e2e(w + "-" + i + ".wav"))));
        CliRun embed = CliRun.run(plain, files.toArray(String[]::new));
        assertEquals(0, embed.exitCode, embed.toString());
        List<float[]> printed = new ArrayList<>();
        for (JsonNode line : embed.lines()) {
            float[] v = new float[line.get("embedding").size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) line.get("embedding").get(k).asDouble();
            }
            printed.add(v);
        }
        assertEquals(6, printed.size());
        assertFalse(leaks("plain.db", printed, photo).isEmpty(), "the search finds plain embeddings");
        assertEquals(List.of(), leaks("sealed.db", printed, photo));

        JsonNode status = CliRun.run(sealed, "keys", "status").single();
        assertEquals("passphrase", status.get("protection").asText(), status.toString());
        assertEquals("undecided", CliRun.run(plain, "keys", "status").single().get("protection").asText());

        List<Double> expected = scores(plain);
        assertScores(expected, scores(sealed));

        String before = withoutAudit(dump("sealed.db"));
        Map<String, String> wrong = env("sealed.db", "a passphrase for three voiceS");
        CliRun refused = CliRun.run(wrong, "verify", "--model", model(), "--name", "alice", e2e("alice-4.wav"));
        assertEquals(VoxprintCli.ERROR, refused.exitCode, refused.toString());
        assertEquals("voxprint: The passphrase is wrong for this database; nothing was read or changed.", refused.err.strip());
        assertEquals(before, withoutAudit(dump("sealed.db")));
        CliRun audit = CliRun.run(sealed, "audit", "--limit", "100");
        assertTrue(audit.out.contains("\"kind\":\"protection\""), audit.toString());

        String oldKey = status.get("keyId").asText();
        JsonNode rotated = CliRun.run(sealed, "keys", "rotate").single();
        assertNotEquals(oldKey, rotated.get("keyId").asText());
        assertScores(expected, scores(sealed));

        Path next = home.resolve("next-pass");
        Files.writeString(next, "the next passphrase\n");
        CliRun changed = CliRun.run(sealed, "keys", "change-passphrase", "--new-passphrase-file", next.toString());
        assertEquals(0, changed.exitCode, changed.toString());
        assertEquals(VoxprintCli.ERROR, CliRun.run(sealed, "verify", "--model", model(), "--name", "bob",
                e2e("bob-4.wav")).exitCode, "the old passphrase no longer opens it");
        CliRun reopened = CliRun.run(env("sealed.db", "the next passphrase"), "verify", "--model", model(), "--name", "bob",
                "--threshold", "0", e2e("bob-4.wav"));
        assertEquals(expected.get(2), reopened.single().get("score").asDouble(), 1e-6);
        assertEquals(List.of(), leaks("sealed.db", printed, photo));
    }

    private static void assertScores(List<Double> expected, List<Double> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-6, "score " + i);
        }
    }

    private static String withoutAudit(String dump) {
        return dump.substring(0, dump.indexOf("== audit")) + dump.substring(dump.indexOf("== embedding"));
    }
}
