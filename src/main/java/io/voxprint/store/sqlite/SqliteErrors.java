package io.voxprint.store.sqlite;

import io.voxprint.store.StoreException;
import io.voxprint.store.StoreException.Kind;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's result codes into sentences about the user's file. */
final class SqliteErrors {

    static final int BUSY = 5;
    static final int LOCKED = 6;
    static final int READONLY = 8;
    static final int IOERR = 10;
    static final int CORRUPT = 11;
    static final int FULL = 13;
    static final int CANTOPEN = 14;
    static final int NOTADB = 26;

    private SqliteErrors() {
    }

    /** The primary result code (extended codes folded), or -1 when the exception did not come from SQLite. */
    static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            return code == null ? -1 : code.code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    static boolean isBusy(SQLException e) {
        int code = primaryCode(e);
        return code == BUSY || code == LOCKED;
    }

    static StoreException translate(SQLException e, Path file) {
        String where = "'" + file + "'";
        return switch (primaryCode(e)) {
            case NOTADB -> damaged(file, "it is not a SQLite database", e);
            case CORRUPT -> damaged(file, "its pages are malformed", e);
            case FULL -> new StoreException(Kind.DISK_FULL, "The disk holding the database " + where
                    + " is full; nothing was saved (free some space and try again).", e);
            case READONLY -> new StoreException(Kind.READ_ONLY, "The database file " + where
                    + " is read-only; nothing was saved (check the permissions of the file and its folder).", e);
            case CANTOPEN -> new StoreException(Kind.READ_ONLY, "The database file " + where
                    + " cannot be opened (check that its folder exists and is writable).", e);
            case BUSY, LOCKED -> new StoreException(Kind.BUSY, "The database file " + where
                    + " stayed locked by another program for too long; nothing was saved (try again).", e);
            case IOERR -> new StoreException(Kind.IO, "The database file " + where
                    + " could not be read or written (" + shortReason(e) + ").", e);
            default -> new StoreException(Kind.IO, "The database file " + where + " gave an unexpected error ("
                    + shortReason(e) + ").", e);
        };
    }

    static StoreException damaged(Path file, String detail, Throwable cause) {
        return new StoreException(Kind.DAMAGED, "The database file '" + file + "' is damaged: " + detail
                + " (restore a backup or choose another file).", cause);
    }

    private static String shortReason(SQLException e) {
        String m = String.valueOf(e.getMessage());
        int open = m.lastIndexOf('(');
        int close = m.lastIndexOf(')');
        return open >= 0 && close > open ? m.substring(open + 1, close) : m;
    }
}
