package io.voxprint.store.sqlite;

import io.voxprint.store.StoreException;
import io.voxprint.store.StoreException.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The database file on disk: where it lives by default, the checks made before SQLite sees it, and
 * its creation with owner-only permissions (voiceprints are biometric data).
 */
final class SqliteFiles {

    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwx------");

    private SqliteFiles() {
    }

    static Path defaultLocation() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("voxprint").resolve("voxprint.db");
    }

    /**
     * Makes sure {@code file} can be a writable database: refuses folders and read-only places (by
     * the permission bits too, so that a read-only file is refused even for root), creates missing
     * folders 0700 and a missing file 0600.
     */
    static void prepare(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException(Kind.NOT_A_FILE, "'" + file + "' is a folder, not a database file; choose a file name inside it.");
        }
        Path folder = file.getParent();
        try {
            createFolders(folder);
        } catch (FileSystemException e) {
            throw readOnlyLocation(file, folder, e);
        } catch (IOException e) {
            throw new StoreException(Kind.IO, "Cannot create the folder '" + folder + "' for the database: " + e.getMessage() + ".", e);
        }
        if (!Files.isDirectory(folder)) {
            throw new StoreException(Kind.NOT_A_FILE, "'" + folder + "' is a file, so the database '" + file + "' cannot be created in it.");
        }
        // SQLite writes its -wal and -shm files next to the database, so the folder must be writable too.
        if (!writable(folder)) {
            throw readOnlyLocation(file, folder, null);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new StoreException(Kind.NOT_A_FILE, "'" + file + "' is not a regular file, so it cannot be a database.");
            }
            if (!writable(file)) {
                throw new StoreException(Kind.READ_ONLY, "The database file '" + file + "' is read-only; Voxprint needs to write to it (check its permissions).");
            }
            return;
        }
        try {
            if (posix(folder)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
                Files.setPosixFilePermissions(file, FILE_MODE);
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            // another process created it between our check and now: fine, it is theirs to initialise or ours
        } catch (FileSystemException e) {
            throw readOnlyLocation(file, folder, e);
        } catch (IOException e) {
            throw new StoreException(Kind.IO, "Cannot create the database file '" + file + "': " + e.getMessage() + ".", e);
        }
    }

    private static void createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.getParent();
        if (parent != null) {
            createFolders(parent);
        }
        if (posix(parent == null ? folder.getRoot() : parent)) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER_MODE));
            Files.setPosixFilePermissions(folder, FOLDER_MODE);
        } else {
            Files.createDirectory(folder);
        }
    }

    private static boolean writable(Path path) {
        if (!Files.isWritable(path)) {
            return false;
        }
        if (!posix(path)) {
            return true;
        }
        try {
            return Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean posix(Path path) {
        return path != null && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static StoreException readOnlyLocation(Path file, Path folder, Exception cause) {
        String reason = cause instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : cause == null ? "" : String.valueOf(cause.getMessage());
        String why = cause == null || cause instanceof AccessDeniedException ? "it is read-only"
                : reason.contains("Read-only file system") ? "its file system is read-only"
                : "it cannot be written (" + reason + ")";
        return new StoreException(Kind.READ_ONLY, "Cannot keep the database '" + file + "' in the folder '" + folder
                + "': " + why + "; choose a writable location.", cause);
    }
}
