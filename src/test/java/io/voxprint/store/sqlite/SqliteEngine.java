package io.voxprint.store.sqlite;

import io.voxprint.store.DbDump;
import io.voxprint.store.StoreEngine;
import io.voxprint.store.VoiceprintStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path file = folder.resolve("db-" + databases++ + ".db");
        return new TestDatabase() {
            @Override
            public VoiceprintStore open() {
                return SqliteStore.open(file);
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
