package io.voxprint.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresUrlTest {

    @TempDir
    Path home;

    private PostgresUrl parse(String url, Map<String, String> env) {
        return PostgresUrl.parse(url, env, home);
    }

    @Test
    void everyPartOfAFullAddressIsRead() {
        PostgresUrl u = parse("postgresql://desk:s%40cr%3At@db.example.org:6543/voice%20prints?sslmode=verify-full", Map.of());
        assertEquals(new PostgresUrl("desk", "s@cr:t", "db.example.org", 6543, "voice prints", "verify-full"), u);
        assertEquals("jdbc:postgresql://db.example.org:6543/voice%20prints?sslmode=verify-full", u.jdbcUrl());
        assertEquals("postgresql://desk@db.example.org:6543/voice prints", u.toString(), "no password in what is shown");
    }

    @Test
    void missingPartsComeFromTheEnvironmentAsInLibpq() {
        PostgresUrl u = parse("postgres://db/voxprint", Map.of("PGUSER", "examiner", "PGPORT", "5499", "PGPASSWORD", "pw"));
        assertEquals(new PostgresUrl("examiner", "pw", "db", 5499, "voxprint", "prefer"), u);
        PostgresUrl bare = parse("postgresql://db/voxprint", Map.of());
        assertEquals(System.getProperty("user.name"), bare.user());
        assertEquals(5432, bare.port());
        assertNull(bare.password());
    }

    @Test
    void ipv6HostsAreWrittenInBrackets() {
        PostgresUrl u = parse("postgresql://u@[::1]:5433/d", Map.of());
        assertEquals("::1", u.host());
        assertEquals(5433, u.port());
        assertEquals("jdbc:postgresql://[::1]:5433/d?sslmode=prefer", u.jdbcUrl());
    }

    @Test
    void aPasswordInTheAddressWinsOverPgpasswordWhichWinsOverThePasswordFile() throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "db:5432:voxprint:desk:from-file\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        assertEquals("inline", parse("postgresql://desk:inline@db/voxprint", Map.of("PGPASSWORD", "env")).password());
        assertEquals("env", parse("postgresql://desk@db/voxprint", Map.of("PGPASSWORD", "env")).password());
        assertEquals("from-file", parse("postgresql://desk@db/voxprint", Map.of()).password());
    }

    @Test
    void thePasswordFileMatchesFieldByFieldWithWildcardsEscapesAndFirstMatchWinning() throws Exception {
        Path file = home.resolve("pass");
        Files.writeString(file, String.join("\n",
                "# comment line: ignored",
                "other:*:*:*:wrong-host",
                "db:5432:voxprint:someone:wrong-user",
                "db:*:voxprint:desk:p\\:ass\\\\word:trailing",
                "*:*:*:*:too-late",
                ""));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> env = Map.of("PGPASSFILE", file.toString());
        assertEquals("p:ass\\word", parse("postgresql://desk@db:7777/voxprint", env).password());
        assertEquals("too-late", parse("postgresql://nobody@elsewhere/x", env).password());
    }

    @Test
    void aPasswordFileOthersMayReadIsIgnoredAsLibpqDoes() throws Exception {
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "*:*:*:*:secret\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        assertNull(parse("postgresql://desk@db/voxprint", Map.of()).password());
    }

    @Test
    void onlyPostgresAddressesLookLikeOne() {
        assertTrue(PostgresUrl.looksLike("postgresql://db/x"));
        assertTrue(PostgresUrl.looksLike(" POSTGRES://db/x"));
        assertFalse(PostgresUrl.looksLike("/home/me/voxprint.db"));
        assertFalse(PostgresUrl.looksLike("postgresql.db"));
    }

    @Test
    void badAddressesAreRefusedInOneSentenceWithoutThePassword() {
        for (String[] c : new String[][] {
                {"postgresql://u:topsecret@db", "names no database"},
                {"postgresql://u:topsecret@/x", "names no host"},
                {"postgresql://u:topsecret@db:99999/x", "not a number from 1 to 65535"},
                {"postgresql://u:topsecret@db/x?sslmode=sometimes", "sslmode must be one of"},
                {"postgresql://u:topsecret@db/x?timeout=3", "only the option sslmode"},
                {"postgresql://u:topsecret@h1,h2/x", "several hosts"}}) {
            StoreException e = assertThrows(StoreException.class, () -> parse(c[0], Map.of()), c[0]);
            assertEquals(StoreException.Kind.INVALID_INPUT, e.kind());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
            assertTrue(e.getMessage().endsWith(".") && e.getMessage().indexOf(". ") < 0, e.getMessage());
        }
    }
}
