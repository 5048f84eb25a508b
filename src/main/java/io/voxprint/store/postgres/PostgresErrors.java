package io.voxprint.store.postgres;

import io.voxprint.store.StoreException;
import io.voxprint.store.StoreException.Kind;
import java.sql.SQLException;

/** Turns PostgreSQL's SQLSTATE codes into sentences about the user's database server. */
final class PostgresErrors {

    private PostgresErrors() {
    }

    static String state(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return "";
    }

    /** Serialization failures, deadlocks and a name taken by another desk at the same moment: the transaction may simply run again. */
    static boolean isRetryable(SQLException e) {
        String s = state(e);
        return s.equals("40001") || s.equals("40P01") || s.equals("23505");
    }

    /** The server went away or cannot be reached (the desk may carry on read-only from what it has). */
    static boolean isUnavailable(SQLException e) {
        String s = state(e);
        return s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03");
    }

    static StoreException translate(SQLException e, PostgresUrl url) {
        String server = "the database server " + url.host() + ":" + url.port();
        String s = state(e);
        if (isUnavailable(e)) {
            return new StoreException(Kind.UNAVAILABLE, "Voxprint cannot reach " + server
                    + " (it may be down or the network interrupted); nothing was saved, try again when it is back.", e);
        }
        return switch (s) {
            case "28P01", "28000" -> new StoreException(Kind.ACCESS_DENIED, "The database server " + url.host() + ":"
                    + url.port() + " refused the login of user '" + url.user() + "' (check the password, ~/.pgpass or PGPASSWORD).", e);
            case "42501" -> String.valueOf(e.getMessage()).contains("append-only")
                    ? new StoreException(Kind.ACCESS_DENIED, "The audit log of " + url
                            + " is append-only: its lines cannot be changed or removed; nothing was changed.", e)
                    : new StoreException(Kind.ACCESS_DENIED, "The database user '" + url.user() + "' may not change "
                            + "speakers in database '" + url.database() + "' (its role allows verifying only); nothing was changed.", e);
            case "3D000" -> new StoreException(Kind.UNAVAILABLE, "The database server " + url.host() + ":" + url.port()
                    + " has no database named '" + url.database() + "' (create it first, see docs/store.md).", e);
            case "53100" -> new StoreException(Kind.DISK_FULL, "The disk of " + server + " is full; nothing was saved.", e);
            case "40001", "40P01", "55P03" -> new StoreException(Kind.BUSY, "Other desks kept changing the same records for too long; "
                    + "nothing was saved (try again).", e);
            default -> new StoreException(Kind.IO, "The database " + url + " gave an unexpected error ("
                    + sentence(e.getMessage()) + ").", e);
        };
    }

    /** The server's own message without pgjdbc's "ERROR: " prefix and detail lines. */
    private static String sentence(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        return m.replaceFirst("^ERROR: ", "").strip();
    }
}
