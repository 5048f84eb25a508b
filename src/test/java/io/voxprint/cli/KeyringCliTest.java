package io.voxprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.DbDump;
import io.voxprint.testing.SecretServiceSession;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key in a real desktop keyring (GNOME Keyring's Secret Service on a private session bus): the
 * database opens without a passphrase with the same scores as a plain one; without the keyring, or
 * with its entry removed, a command is one sentence and the database is unchanged.
 */
class KeyringCliTest {

    @TempDir
    Path home;

    @Test
    void theKeyringHoldsTheKeyAndItsAbsenceIsOneSentence() throws Exception {
        try (SecretServiceSession session = SecretServiceSession.start(home.resolve("desktop"))) {
            Map<String, String> sealed = env("sealed.db", session.environment());
            Map<String, String> plain = env("plain.db", Map.of());

            CliRun init = CliRun.run(sealed, "keys", "init", "--keyring");
            assertEquals(VoxprintCli.OK, init.exitCode, init.toString());
            assertEquals("keyring", init.single().get("protection").asText(), init.toString());
            String databaseId = init.single().get("databaseId").asText();
            assertTrue(session.secretTool(List.of("lookup", "application", "voxprint", "database", databaseId)).strip()
                    .length() >= 40, "the keyring holds the database's key");

            for (Map<String, String> env : List.of(sealed, plain)) {
                for (String who : List.of("alice", "bob")) {
                    CliRun r = CliRun.run(env, "enroll", "--model", model(), "--name", who, e2e(who + "-1.wav"), e2e(who + "-2.wav"));
                    assertEquals(VoxprintCli.OK, r.exitCode, r.toString());
                }
            }
            for (String probe : List.of("alice-4.wav", "bob-4.wav")) {
                assertEquals(score(plain, probe), score(sealed, probe), 1e-6, probe);
            }

            String before = withoutAudit(DbDump.of(home.resolve("sealed.db")));
            Map<String, String> noBus = new HashMap<>(sealed);
            noBus.remove("DBUS_SESSION_BUS_ADDRESS");
            noBus.put("XDG_RUNTIME_DIR", home.resolve("nowhere").toString());
            CliRun without = CliRun.run(noBus, "verify", "--model", model(), "--name", "alice", e2e("alice-4.wav"));
            assertEquals(VoxprintCli.ERROR, without.exitCode, without.toString());
            assertEquals("voxprint: No desktop keyring is available (no desktop session bus is running); use a passphrase instead.",
                    without.err.strip());

            session.secretTool(List.of("clear", "application", "voxprint", "database", databaseId));
            CliRun removed = CliRun.run(sealed, "verify", "--model", model(), "--name", "alice", e2e("alice-4.wav"));
            assertEquals(VoxprintCli.ERROR, removed.exitCode, removed.toString());
            assertTrue(removed.err.strip().startsWith("voxprint: The desktop keyring holds no key for this database"),
                    removed.toString());
            assertEquals(1, removed.err.strip().lines().count(), removed.err);
            assertEquals(before, withoutAudit(DbDump.of(home.resolve("sealed.db"))), "nothing changed but the audit log");
        }
    }

    private Map<String, String> env(String db, Map<String, String> desktop) {
        Map<String, String> env = new HashMap<>(CliRun.env(home));
        env.putAll(desktop);
        env.put("HOME", home.toString());
        env.put("VOXPRINT_DB", home.resolve(db).toString());
        return env;
    }

    private static double score(Map<String, String> env, String probe) {
        CliRun v = CliRun.run(env, "verify", "--model", model(), "--name", "alice", "--threshold", "0", e2e(probe));
        assertTrue(v.exitCode == VoxprintCli.OK || v.exitCode == VoxprintCli.REJECTED, v.toString());
        return v.single().get("score").asDouble();
    }

    private static String e2e(String name) {
        return CliRun.E2E.resolve(name).toString();
    }

    private static String model() {
        return CliRun.FIXTURE_MODEL.toString();
    }

    private static String withoutAudit(String dump) {
        return dump.substring(0, dump.indexOf("== audit")) + dump.substring(dump.indexOf("== embedding"));
    }
}
