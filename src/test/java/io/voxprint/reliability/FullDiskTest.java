package io.voxprint.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.inspect.Inspect;
import io.voxprint.audio.QualityAnalyzer;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.audio.QualityReport;
import io.voxprint.cli.CliRun;
import io.voxprint.cli.VoxprintCli;
import io.voxprint.fuzz.Contract;
import io.voxprint.model.hub.FakeHub;
import io.voxprint.store.DbDump;
import io.voxprint.store.StoreException;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.sqlite.SqliteOptions;
import io.voxprint.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during a model download (through the CLI) and during an enrollment (through
 * {@code Enroll} and the CLI): one sentence, nothing half-written, and the same operation
 * succeeds once space is freed. The disk is a real tmpfs of a few megabytes where this runs as
 * root; elsewhere writes go to /dev/full (download) or to a store opened with a size quota at the
 * file's current size (enrollment through the store, as the app's own store cannot be capped).
 */
class FullDiskTest {
    private static final Path RESOURCES = Path.of(System.getProperty("voxprint.test.resources", "src/test/resources"));
    private static final Path FIXTURE = RESOURCES.resolve("model/ecapa2-fixture.pt");
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path tmp;

    @Test
    void fullDiskDuringModelDownload() throws Exception {
        byte[] model = new byte[2 << 20];
        new Random(5).nextBytes(model);
        String sha = FakeHub.sha256(model);
        Optional<SmallDisk> disk = SmallDisk.mount(tmp.resolve("disk"), 4);
        try (FakeHub hub = new FakeHub()) {
            hub.publish("Jenthe/ECAPA2", "main", COMMIT, "ecapa2.pt", model);
            Path hfHome = disk.map(d -> d.root().resolve("hf")).orElse(tmp.resolve("hf"));
            Path storage = hfHome.resolve("hub/models--Jenthe--ECAPA2");
            Path blocker;
            if (disk.isPresent()) {
                blocker = disk.get().fill(512 << 10);
            } else {
                // writes through this link fail in the kernel with ENOSPC, as on a full disk
                blocker = Files.createSymbolicLink(Files.createDirectories(storage.resolve("blobs"))
                        .resolve(sha + ".incomplete"), Path.of("/dev/full"));
            }
            Map<String, String> env = new HashMap<>(Map.of("HOME", tmp.toString(), "HF_HOME", hfHome.toString(),
                    "HF_ENDPOINT", hub.endpoint(), "VOXPRINT_DB", tmp.resolve("v.db").toString()));

            CliRun failed = CliRun.run(env, "model", "download");
            assertEquals(VoxprintCli.ERROR, failed.exitCode, failed.toString());
            assertTrue(failed.out.isEmpty(), failed.toString());
            assertTrue(!failed.err.contains("\tat ") && !failed.err.contains("Exception"), failed.err);
            String last = lastLine(failed.err);
            assertTrue(last.startsWith("voxprint: There is no space left on the disk holding " + hfHome.resolve("hub")), last);
            Contract.assertOneSentence(last.substring("voxprint: ".length()), hfHome.resolve("hub").toString());
            assertEquals(List.of(), files(storage.resolve("snapshots")), "no snapshot of a partial file");
            assertTrue(!Files.exists(storage.resolve("blobs").resolve(sha)), "no blob under the final name");
            CliRun path = CliRun.run(env, "model", "path");
            assertEquals(VoxprintCli.ERROR, path.exitCode, "a partial download is no model: " + path);

            Files.delete(blocker);
            CliRun retried = CliRun.run(env, "model", "download");
            assertEquals(VoxprintCli.OK, retried.exitCode, retried.toString());
            Path file = Path.of(new ObjectMapper().readTree(retried.out).get("path").asText());
            assertArrayEquals(model, Files.readAllBytes(file));
        } finally {
            disk.ifPresent(SmallDisk::close);
        }
    }

    @Test
    void fullDiskDuringEnrollment() throws Exception {
        Optional<SmallDisk> disk = SmallDisk.mount(tmp.resolve("disk"), 8);
        Path db = disk.map(d -> d.root().resolve("voxprint.db")).orElse(tmp.resolve("voxprint.db"));
        try (AppContext app = AppContext.open(AppConfig.fromEnvironment(Map.of("HOME", tmp.toString()), db, FIXTURE, null, null,
                true), ScoringOptions.defaults().withKeepAudio(true))) {
            app.enroll().enroll("Alice", List.of(AudioSource.file(RESOURCES.resolve("e2e/alice-1.wav"))), true, null);
            List<AudioSource> bob = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                AudioSource take = AudioSource.file(RESOURCES.resolve("e2e/bob-" + i + ".wav"));
                app.inspect().embed(take); // cached now: the enrollment below is the only write
                bob.add(take);
            }
            String before = DbDump.of(db);
            Path filler = null;
            StoreException e;
            if (disk.isPresent()) {
                filler = disk.get().fill(96 << 10);
                e = assertThrows(StoreException.class, () -> app.enroll().enroll("Bob", bob, true, null));
            } else {
                // no small disk without root: a second store on the file, capped at its size by
                // SQLite's max_page_count, fails its next growth with SQLITE_FULL as a full disk does
                List<NewEnrollment> takes = new ArrayList<>();
                for (AudioSource source : bob) {
                    Inspect.Embedded embedded = app.inspect().embed(source);
                    PreparedAudio take = embedded.audio();
                    QualityReport q = new QualityAnalyzer().analyze(take.samples());
                    takes.add(new NewEnrollment(take.source(), take.seconds(), q.netSpeechSeconds(), q.clippingRatio(),
                            q.snrDb(), embedded.embedding(), app.models().info().sha256(), take.samples()));
                }
                try (SqliteStore capped = SqliteStore.open(db, SqliteOptions.defaults().withMaxPages(1))) {
                    e = assertThrows(StoreException.class, () -> capped.enroll("Bob", takes, true, null));
                }
            }
            assertEquals(StoreException.Kind.DISK_FULL, e.kind());
            assertEquals("The disk holding the database '" + db + "' is full; nothing was saved (free some space and try"
                    + " again).", e.getMessage());
            assertEquals(List.of("Alice"), app.speakers().list().stream().map(s -> s.name()).toList());
            assertEquals(before, DbDump.of(db), "the file holds what it held before");
            assertEquals("ok", integrityCheck(db));

            if (filler != null) {
                // the command line on the same full disk: exit 2 and one sentence
                CliRun cli = CliRun.run(Map.of("HOME", tmp.toString(), "VOXPRINT_DB", db.toString(), "HF_HUB_OFFLINE", "1"),
                        "enroll", "--keep-audio", "--name", "Carol", "--force", "--model", FIXTURE.toString(),
                        RESOURCES.resolve("e2e/carol-1.wav").toString(), RESOURCES.resolve("e2e/carol-2.wav").toString());
                assertEquals(VoxprintCli.ERROR, cli.exitCode, cli.toString());
                assertEquals("voxprint: The disk holding the database '" + db + "' is full; nothing was saved (free some"
                        + " space and try again).", cli.err.strip());
                assertEquals("ok", integrityCheck(db));
                Files.delete(filler);
                app.enroll().enroll("Bob", bob, true, null);
                assertEquals(List.of("Alice", "Bob"), app.speakers().list().stream().map(s -> s.name()).toList());
                assertEquals(4, app.speakers().enrollments("Bob").size());
            }
        } finally {
            disk.ifPresent(SmallDisk::close);
        }
    }

    private static String integrityCheck(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
