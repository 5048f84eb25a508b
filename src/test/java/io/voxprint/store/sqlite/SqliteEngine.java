package io.voxprint.store.sqlite;

import io.voxprint.store.DbDump;
import io.voxprint.store.StoreEngine;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sealed.SqlDump;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Comparator;
import java.util.stream.Stream;

/** SQLite files in a temporary folder of their own, dumped through a plain JDBC connection. */
public final class SqliteEngine implements StoreEngine {

    private Path folder;
    private int databases;

    @Override
    public TestDatabase newDatabase() {
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("voxprint-store-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(folder.resolve("db-" + databases++ + ".db"));
    }

    /** One SQLite file as a test database. */
    public static TestDatabase of(Path file) {
        return new TestDatabase() {
            @Override
            public VoiceprintStore open(TemplateCodec codec) {
                return SqliteStore.open(file, SqliteOptions.defaults().withCodec(codec));
            }

            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection("jdbc:sqlite:" + file);
            }

            @Override
            public Map<String, byte[]> exposed() {
                try {
                    Path wal = Path.of(file + "-wal");
                    return Map.of("file", Files.readAllBytes(file), "wal", Files.exists(wal) ? Files.readAllBytes(wal) : new byte[0],
                            "dump", SqlDump.bytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (SQLException e) {
                    throw new AssertionError("cannot dump " + file, e);
                }
            }

            @Override
            public String dump() {
                return DbDump.of(file);
            }
        };
    }

    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "sqlite";
    }
}
