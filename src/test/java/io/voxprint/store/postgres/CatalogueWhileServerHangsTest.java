package io.voxprint.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.scoring.Candidate;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.SpeakerChanges;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A desk keeps answering from the index it holds while a re-read of one speaker waits on a server
 * that does not answer: the re-read must not hold the searches up, nor the desk's hearing that it
 * lost the server. The server "hangs" here on a lock another session holds on the embeddings, a
 * state the test can see and end.
 */
@ExtendWith(PostgresExtension.class)
class CatalogueWhileServerHangsTest {

    private static final String MODEL = "7".repeat(64);
    /** Only ends a test that would otherwise hang; a search from memory takes microseconds. */
    private static final int LIMIT_SECONDS = 120;

    @Test
    void searchesGoOnFromTheIndexWhileAReReadWaitsOnTheServer(PostgresCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (VoiceprintStore store = PostgresStore.open(cluster.url(db)); Connection blocker = cluster.connect(db)) {
            store.enroll("Alice", List.of(take(new float[] {1, 0, 0})), true, null);
            store.enroll("Bob", List.of(take(new float[] {0, 1, 0})), true, null);
            SpeakerCatalog catalog = new SpeakerCatalog(store);
            assertEquals(2, catalog.index(MODEL, 3).size());

            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE embedding IN ACCESS EXCLUSIVE MODE");
            }
            Future<?> reRead = threads.submit(() -> catalog.refresh("Alice"));
            awaitReadWaitingOnTheLock(cluster, db);

            Future<Candidate> search = threads.submit(() -> catalog.index(MODEL, 3).identify(new float[] {0.1f, 0.9f, 0}, -2)
                    .orElseThrow());
            try {
                assertEquals("Bob", search.get(LIMIT_SECONDS, TimeUnit.SECONDS).key());
                assertTrue(!reRead.isDone(), "the re-read was still waiting while the search answered");
            } catch (TimeoutException e) {
                fail("a search waited for a re-read of another speaker stuck on the server");
            } finally {
                blocker.rollback(); // the server answers again
            }
            reRead.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of("Alice", "Bob"), catalog.index(MODEL, 3).keys().stream().sorted().toList());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theDeskHearsItLostTheServerWhileAReReadWaitsOnIt(PostgresCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        String url = cluster.url(db);
        try (VoiceprintStore desk = PostgresStore.open(url); VoiceprintStore otherDesk = PostgresStore.open(url);
                Connection blocker = cluster.connect(db); Connection admin = cluster.connect("postgres")) {
            desk.enroll("Alice", List.of(take(new float[] {1, 0, 0})), true, null);
            SpeakerCatalog catalog = new SpeakerCatalog(desk);
            assertEquals(List.of("Alice"), catalog.index(MODEL, 3).keys());
            CountDownLatch lost = new CountDownLatch(1);
            CountDownLatch back = new CountDownLatch(1);
            List<String> said = new CopyOnWriteArrayList<>();
            desk.watch(new SpeakerChanges() { // after the catalogue: its status is set when this hears of the loss
                @Override
                public void speakerChanged(String name, String formerNameOrNull) {
                }

                @Override
                public void everythingMayHaveChanged() {
                    back.countDown();
                }

                @Override
                public void serverLost(String sentence) {
                    said.add(catalog.serverProblem());
                    lost.countDown();
                }
            });

            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE embedding IN ACCESS EXCLUSIVE MODE");
            }
            otherDesk.speakers().rename("Alice", "Alicia"); // the desk hears of it and re-reads Alicia: that read waits
            awaitReadWaitingOnTheLock(cluster, db);
            try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT "
                    + "pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "' AND application_name = "
                    + "'voxprint' AND state = 'idle' AND (query LIKE 'LISTEN%' OR query = 'SELECT 1')) AS cut")) {
                // the desk's change listener loses its connection, as when the network or the server goes
                rs.next();
                assertEquals(1, rs.getInt(1), "the desk's one listening connection");
            }
            try {
                assertTrue(lost.await(LIMIT_SECONDS, TimeUnit.SECONDS), "the desk did not hear that it lost the server "
                        + "while a re-read waited on it");
                assertEquals(1, said.size());
                assertTrue(said.get(0).startsWith("The database server 127.0.0.1:" + cluster.port() + " cannot be reached"),
                        said.get(0));
            } finally {
                blocker.rollback();
            }
            assertTrue(back.await(LIMIT_SECONDS, TimeUnit.SECONDS), "the listener came back");
            assertEquals(List.of("Alicia"), catalog.index(MODEL, 3).keys(), "the index caught up with the rename");
            assertEquals(null, catalog.serverProblem());
        }
    }

    /** Until a Voxprint session of the database waits on the lock (a state of the server, seen from outside). */
    private static void awaitReadWaitingOnTheLock(PostgresCluster cluster, String db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        try (Connection c = cluster.connect("postgres"); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db
                        + "' AND application_name = 'voxprint' AND wait_event_type = 'Lock'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        fail("the re-read never reached the locked table");
    }

    private static NewEnrollment take(float[] embedding) {
        return new NewEnrollment("take.wav", 3, 2.5, 0, 20, embedding, MODEL, null);
    }
}
