package io.voxprint.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.crypto.Argon2id;
import io.voxprint.crypto.Keys;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.StoreException;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sealed.ProtectedStore;
import io.voxprint.store.sealed.ProtectedStores;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The documented role script on a real server: a verify-only desk verifies and identifies, and every
 * attempt to enroll, rename, delete or alter the audit log is refused by the server itself (not by
 * Voxprint's code) and reported in one sentence; the audit log is append-only for every role.
 */
@ExtendWith(PostgresExtension.class)
class LeastPrivilegeTest {

    private static final String MODEL = "a".repeat(64);
    private static PostgresCluster cluster;
    private static String db;

    @BeforeAll
    static void databaseWithRoles(PostgresCluster pg) throws Exception {
        cluster = pg;
        db = pg.createDatabase();
        try (VoiceprintStore owner = PostgresStore.open(pg.url(db))) {
            owner.enroll("Alice", List.of(take(1f)), true, null);
            owner.audit().append(AuditEntry.verification(Instant.now(), "Alice", true, 0.9, 0.5, MODEL, "a.wav"));
        }
        try (Connection c = pg.connect(db); Statement s = c.createStatement()) {
            s.execute(roleScript());
            s.execute(roleScript()); // the script is documented as safe to run again
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'desk_verify') THEN "
                    + "CREATE ROLE desk_verify LOGIN IN ROLE voxprint_verify; CREATE ROLE desk_enroll LOGIN IN ROLE voxprint_enroll; "
                    + "END IF; END $$");
        }
    }

    static String roleScript() throws IOException {
        try (InputStream in = PostgresStore.class.getResourceAsStream("roles.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static NewEnrollment take(float v) {
        float[] e = new float[4];
        e[0] = v;
        e[1] = 1;
        return new NewEnrollment("take.wav", 3, 2.5, 0, 20, e, MODEL, null);
    }

    @Test
    void aVerifyOnlyDeskReadsVoiceprintsAndAppendsAuditLines() {
        try (VoiceprintStore desk = PostgresStore.open(cluster.url(db, "desk_verify"))) {
            assertEquals(List.of("Alice"), desk.speakers().list().stream().map(s -> s.name()).toList());
            assertEquals(1, desk.embeddings().ofModel(MODEL).size());
            desk.audit().append(AuditEntry.identification(Instant.now(), "Alice", 0.8, 0.5, MODEL, "b.wav"));
            desk.embeddingCache().put("b".repeat(64), MODEL, new float[] {1, 2, 3, 4});
            assertEquals(3f, desk.embeddingCache().get("b".repeat(64), MODEL).orElseThrow()[2]);
            assertTrue(desk.audit().latest(10).size() >= 2);
        }
    }

    @Test
    void aVerifyOnlyDeskCannotEnrollRenameOrDeleteAndIsToldWhyInOneSentence() {
        String before = PostgresEngine.dump(cluster, db).replaceAll("(?s)== audit.*?(?=-- |\\z)", "")
                .replaceAll("(?s)== embedding_cache.*?(?=-- |\\z)", "");
        try (VoiceprintStore desk = PostgresStore.open(cluster.url(db, "desk_verify"))) {
            String why = desk.whyChangesAreRefused().orElseThrow();
            assertTrue(why.contains("'desk_verify' may only verify and identify"), why);
            oneSentence(why);
            refused(() -> desk.enroll("Bob", List.of(take(2f)), true, null));
            refused(() -> desk.enroll("Alice", List.of(take(2f)), false, null));
            refused(() -> desk.speakers().rename("Alice", "Alicia"));
            refused(() -> desk.speakers().delete("Alice"));
            refused(() -> desk.speakers().setNotes("Alice", "changed"));
        }
        String after = PostgresEngine.dump(cluster, db).replaceAll("(?s)== audit.*?(?=-- |\\z)", "")
                .replaceAll("(?s)== embedding_cache.*?(?=-- |\\z)", "");
        assertEquals(before, after, "speakers unchanged");
    }

    @Test
    void theAuditLogIsAppendOnlyForEveryRoleEvenTheOwner() throws Exception {
        for (String role : List.of("desk_verify", "desk_enroll", PostgresCluster.SUPERUSER)) {
            for (String sql : List.of("UPDATE audit SET result = 'rejected'", "DELETE FROM audit", "TRUNCATE audit")) {
                try (Connection c = connectAs(role); Statement s = c.createStatement()) {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), role + ": " + sql);
                    assertEquals("42501", e.getSQLState(), role + ": " + sql + ": " + e.getMessage());
                    StoreException told = PostgresErrors.translate(e, PostgresUrl.parse(cluster.url(db, role), java.util.Map.of(),
                            java.nio.file.Path.of("/nonexistent")));
                    assertEquals(StoreException.Kind.ACCESS_DENIED, told.kind());
                    oneSentence(told.getMessage());
                    if (role.equals(PostgresCluster.SUPERUSER)) {
                        assertTrue(told.getMessage().contains("append-only"), "the owner is stopped by the trigger: " + told.getMessage());
                    }
                }
            }
        }
        try (Connection c = connectAs("desk_verify"); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT count(*) FROM audit WHERE result = 'accepted'")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "the first verification is still there");
        }
    }

    @Test
    void anEnrollingDeskEnrollsRenamesAndDeletes() {
        try (VoiceprintStore desk = PostgresStore.open(cluster.url(db, "desk_enroll"))) {
            assertTrue(desk.whyChangesAreRefused().isEmpty());
            desk.enroll("Carol", List.of(take(3f)), true, null);
            desk.speakers().rename("Carol", "Caroline");
            assertTrue(desk.speakers().find("caroline").isPresent());
            desk.speakers().delete("Caroline");
            assertFalse(desk.speakers().find("Caroline").isPresent());
        }
    }

    @Test
    void desksUnlockAProtectedDatabaseButOnlyItsOwnerChangesTheKey() throws Exception {
        String sealed = cluster.createDatabase();
        char[] passphrase = "one passphrase for every desk".toCharArray();
        try (ProtectedStore owner = ProtectedStore.open(ProtectedStores.postgres(url(sealed, PostgresCluster.SUPERUSER)))) {
            owner.protect(Keys.createWithPassphrase(passphrase.clone(), new Argon2id(new byte[16], 256, 1, 1)));
            owner.enroll("Alice", List.of(take(1f)), true, null);
        }
        try (Connection c = cluster.connect(sealed); Statement s = c.createStatement()) {
            s.execute(roleScript());
        }
        for (String role : List.of("desk_verify", "desk_enroll")) {
            try (ProtectedStore desk = ProtectedStore.open(ProtectedStores.postgres(url(sealed, role)))) {
                desk.unlockWithPassphrase(passphrase.clone());
                assertEquals(1f, desk.embeddings().ofModel(MODEL).get(0).embeddings().get(0)[0], role);
                assertEquals(role.equals("desk_verify"), desk.whyChangesAreRefused().isPresent(), "the server's answer, through the protection");
                String before = withoutAuditOrCache(PostgresEngine.dump(cluster, sealed));
                StoreException e = assertThrows(StoreException.class, desk::rotate, role);
                assertEquals(StoreException.Kind.ACCESS_DENIED, e.kind(), e.getMessage());
                oneSentence(e.getMessage());
                assertEquals(before, withoutAuditOrCache(PostgresEngine.dump(cluster, sealed)), role + ": all old values, the old key record");
                assertEquals(1f, desk.embeddings().ofModel(MODEL).get(0).embeddings().get(0)[0], role + ": still unlocked with the old key");
            }
        }
        try (ProtectedStore desk = ProtectedStore.open(ProtectedStores.postgres(url(sealed, "desk_verify")));
                ProtectedStore owner = ProtectedStore.open(ProtectedStores.postgres(url(sealed, PostgresCluster.SUPERUSER)))) {
            desk.unlockWithPassphrase(passphrase.clone());
            owner.unlockWithPassphrase(passphrase.clone());
            java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(1);
            try (var subscription = desk.watch(new io.voxprint.store.SpeakerChanges() {
                @Override
                public void speakerChanged(String name, String formerNameOrNull) {
                    if (name.equals("Bob")) {
                        heard.countDown();
                    }
                }

                @Override
                public void everythingMayHaveChanged() {
                    heard.countDown(); // the listener came up late on a busy machine: it says so instead
                }
            })) {
                owner.enroll("Bob", List.of(take(2f)), true, null);
                assertTrue(heard.await(2, java.util.concurrent.TimeUnit.MINUTES), "the protected desk hears the other desk's enrollment");
                assertEquals(2f, desk.embeddings().ofSpeaker("Bob", MODEL).orElseThrow().embeddings().get(0)[0]);
            }
        }
    }

    private static PostgresUrl url(String database, String role) {
        return PostgresUrl.parse(cluster.url(database, role), java.util.Map.of(), java.nio.file.Path.of("/nonexistent"));
    }

    private static String withoutAuditOrCache(String dump) {
        return dump.replaceAll("(?s)== audit.*?(?=-- |\\z)", "").replaceAll("(?s)== embedding_cache.*?(?=-- |\\z)", "");
    }

    private static Connection connectAs(String role) throws SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + db, role, "");
    }

    private static void refused(Executable change) {
        StoreException e = assertThrows(StoreException.class, change);
        assertEquals(StoreException.Kind.ACCESS_DENIED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("desk_verify"), e.getMessage());
        oneSentence(e.getMessage());
    }

    private static void oneSentence(String m) {
        assertTrue(m.endsWith(".") && !m.contains("\n") && !m.contains("Exception") && !m.contains("ERROR"), m);
    }
}
