package io.voxprint.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.AuditEntry;
import io.voxprint.store.ChildJvm;
import io.voxprint.store.Fixtures;
import io.voxprint.store.Speaker;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.VoiceprintStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer JVM enrolls while this JVM reads from three threads (and writes audit lines): nothing fails. */
class ConcurrentAccessTest {

    @TempDir
    Path dir;

    @Test
    void aWriteWaitsForAnotherConnectionsLockInsteadOfFailing() throws Exception {
        Path db = dir.resolve("held.db");
        try (VoiceprintStore store = SqliteStore.open(db);
                java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO audit (time_ms, kind, claimed_name, result, model_sha256) VALUES (1, 'verify', 'held', 'rejected', '" + Fixtures.MODEL_A + "')");
            Thread releaser = new Thread(() -> {
                try {
                    Thread.sleep(1_500);
                    s.execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            releaser.start();
            store.enroll("Alice", Fixtures.takes("Alice", 2, Fixtures.MODEL_A, 0), true, null);
            releaser.join();
            assertEquals(2, store.speakers().find("alice").orElseThrow().enrollmentCount());
            assertEquals("held", store.audit().latest(1).get(0).claimedName());
        }
    }

    @Test
    void oneWriterProcessAndThreeReadersNeverSeeLockErrors() throws Exception {
        Path db = dir.resolve("shared.db");
        SqliteStore.open(db).close();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger audits = new AtomicInteger();
        try (ChildJvm writer = ChildJvm.start(List.of("writer", db.toString(), "w", "3000"), Map.of())) {
            writer.await("READY", 30);
            Thread[] readers = new Thread[3];
            for (int r = 0; r < readers.length; r++) {
                readers[r] = new Thread(() -> {
                    // each reader opens its own store while the writer is busy
                    try (VoiceprintStore store = SqliteStore.open(db)) {
                        int last = 0;
                        while (!stop.get()) {
                            List<Speaker> speakers = store.speakers().list();
                            assertTrue(speakers.size() >= last, "speakers disappeared");
                            last = speakers.size();
                            List<SpeakerEmbeddings> all = store.embeddings().ofModel(Fixtures.MODEL_A);
                            for (SpeakerEmbeddings s : all) {
                                Matcher m = Pattern.compile(".*-t(\\d+)").matcher(s.speakerName());
                                assertTrue(m.matches());
                                // a reader sees whole enrollment calls only
                                assertEquals(Integer.parseInt(m.group(1)), s.embeddings().size(), s.speakerName());
                            }
                            if (!speakers.isEmpty()) {
                                store.speakers().enrollments(speakers.get(speakers.size() - 1).name());
                            }
                            reads.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }, "reader-" + r);
                readers[r].start();
            }
            try (VoiceprintStore store = SqliteStore.open(db)) {
                while (writer.waitForQuietly(20)) {
                    store.audit().append(AuditEntry.identification(Instant.now(), null, 0.1, 0.5, Fixtures.MODEL_A, "parent"));
                    audits.incrementAndGet();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
            stop.set(true);
            for (Thread t : readers) {
                t.join(30_000);
            }
            int rc = writer.waitFor(30);
            assertEquals(0, rc, writer.output());
            failures.forEach(Throwable::printStackTrace);
            assertTrue(failures.isEmpty(), "failures: " + failures);
            Matcher enrolled = Pattern.compile("ENROLLED (\\d+)").matcher(writer.output());
            assertTrue(enrolled.find(), writer.output());
            try (VoiceprintStore store = SqliteStore.open(db)) {
                assertEquals(Integer.parseInt(enrolled.group(1)), store.speakers().list().size());
                assertTrue(store.audit().latest(100_000).size() >= audits.get());
            }
            org.slf4j.LoggerFactory.getLogger(getClass()).info("concurrent: {} enrolled, {} reader passes, {} audit writes",
                    enrolled.group(1), reads.get(), audits.get());
            assertTrue(reads.get() > 3 && audits.get() > 3, reads + " reads, " + audits + " audits");
        }
    }
}
