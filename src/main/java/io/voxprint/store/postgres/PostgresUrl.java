package io.voxprint.store.postgres;

import io.voxprint.store.StoreException;
import io.voxprint.store.StoreException.Kind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A PostgreSQL connection string as libpq users write it,
 * {@code postgresql://[user[:password]@]host[:port]/dbname[?sslmode=...]}, with the password found as
 * libpq finds it: in the string, else {@code PGPASSWORD}, else the password file ({@code PGPASSFILE} or
 * {@code ~/.pgpass}). A missing user is {@code PGUSER} or the login name; a missing port {@code PGPORT}
 * or 5432.
 *
 * @param password null when none was found (the server may not ask for one)
 * @param sslMode  libpq's sslmode (disable, allow, prefer, require, verify-ca, verify-full); default prefer
 */
public record PostgresUrl(String user, String password, String host, int port, String database, String sslMode) {

    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** Whether a {@code --db} value names a PostgreSQL database rather than a SQLite file. */
    public static boolean looksLike(String location) {
        String l = location.strip().toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("postgresql://") || l.startsWith("postgres://");
    }

    /** Parses {@code text} and completes user, port and password from {@code env} and the home folder. */
    public static PostgresUrl parse(String text, Map<String, String> env, Path home) {
        String s = text.strip();
        int scheme = s.indexOf("://");
        if (scheme < 0 || !looksLike(s)) {
            throw bad(text, "it does not start with postgresql://");
        }
        String rest = s.substring(scheme + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw bad(text, "it names no database (postgresql://host/dbname)");
        }
        String database = decode(rest.substring(slash + 1), text);
        String authority = rest.substring(0, slash);
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon >= 0 ? info.substring(0, colon) : info, text);
            password = colon >= 0 ? decode(info.substring(colon + 1), text) : null;
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw bad(text, "its IPv6 address lacks the closing ']'");
            }
            host = authority.substring(1, close);
            if (authority.length() > close + 1) {
                if (authority.charAt(close + 1) != ':') {
                    throw bad(text, "something follows the IPv6 address that is not a port");
                }
                portText = authority.substring(close + 2);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon >= 0 ? authority.substring(0, colon) : authority;
            portText = colon >= 0 ? authority.substring(colon + 1) : null;
        }
        if (host.isEmpty()) {
            throw bad(text, "it names no host (Voxprint connects over TCP: postgresql://host/dbname)");
        }
        if (host.contains(",")) {
            throw bad(text, "it names several hosts, which Voxprint does not support");
        }
        int port = port(portText != null ? portText : env.getOrDefault("PGPORT", "5432"), text);
        String sslMode = "prefer";
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq >= 0 ? pair.substring(0, eq) : pair;
                String value = eq >= 0 ? decode(pair.substring(eq + 1), text) : "";
                if (!"sslmode".equals(key)) {
                    throw bad(text, "Voxprint knows only the option sslmode, not '" + key + "'");
                }
                if (!SSL_MODES.contains(value)) {
                    throw bad(text, "sslmode must be one of disable, allow, prefer, require, verify-ca or verify-full, not '"
                            + value + "'");
                }
                sslMode = value;
            }
        }
        if (user == null || user.isEmpty()) {
            user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        if (password == null) {
            password = env.get("PGPASSWORD");
        }
        if (password == null) {
            String file = env.get("PGPASSFILE");
            password = PgPassFile.lookup(file != null && !file.isBlank() ? Path.of(file) : home.resolve(".pgpass"),
                    host, port, database, user).orElse(null);
        }
        return new PostgresUrl(user, password, host, port, database, sslMode);
    }

    /**
     * Refuses a malformed address in one sentence, as {@link #parse} would, without looking for a
     * password: a PGPASSWORD (empty) stands in, so no password file is read for a mere check.
     */
    public static void checkWritten(String text) {
        parse(text, Map.of("PGPASSWORD", ""), Path.of(System.getProperty("user.home", "/")));
    }

    /** The JDBC URL; user and password travel separately, never in the URL. */
    public String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + java.net.URLEncoder.encode(database, StandardCharsets.UTF_8)
                .replace("+", "%20") + "?sslmode=" + sslMode;
    }

    /** The connection string as users may see it in messages and logs: without the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }

    private static int port(String text, String url) {
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(url, "its port '" + text + "' is not a number from 1 to 65535");
    }

    private static String decode(String part, String url) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad(url, "it holds a broken %-escape");
        }
    }

    private static StoreException bad(String url, String why) {
        return new StoreException(Kind.INVALID_INPUT, "The database address '" + withoutPassword(url)
                + "' cannot be used: " + why + ".");
    }

    /** Hides a password in an address that failed to parse, since the sentence is shown and logged. */
    static String withoutPassword(String url) {
        return url.strip().replaceFirst("^([a-zA-Z]+://[^:/@]*):[^@/]*@", "$1:***@");
    }
}
