package io.voxprint.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.store.ChildJvm;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two desks on one PostgreSQL database, each a process of its own: what one enrolls, renames or
 * deletes, the other's in-memory index answers without a restart, with the same score a single
 * SQLite desk computes; when the server stops the desk says so in one sentence and keeps its index,
 * and after the restart it catches up with what changed meanwhile.
 */
@ExtendWith(PostgresExtension.class)
class TwoDesksTest {

    private static final String MODEL = "c".repeat(64);
    private static final int DIM = 16;
    /** A generous bound for a loaded build machine; the latencies seen are printed for the record. */
    private static final int SECONDS = 20;

    @TempDir
    Path tmp;

    @Test
    void anEnrollmentRenameAndDeletionAtOneDeskReachTheOthersIndex(PostgresCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        Random random = new Random(13);
        float[] alice = vector(random);
        float[] bob1 = vector(random);
        float[] bob2 = vector(random);
        float[] probe = vector(random);
        for (int i = 0; i < DIM; i++) {
            probe[i] = bob1[i] + 0.3f * probe[i]; // Bob's voice, another recording
        }
        String url = cluster.url(db);
        try (VoiceprintStore deskA = PostgresStore.open(url)) {
            deskA.enroll("Alice", List.of(take(alice)), true, null);
            try (ChildJvm deskB = ChildJvm.start(DeskChild.class.getName(), List.of(), List.of(url, MODEL, csv(probe)), Map.of())) {
                deskB.await("READY", 60);

                long t0 = System.nanoTime();
                deskA.enroll("Bob", List.of(take(bob1), take(bob2)), true, null);
                String seen = deskB.await("IDENTIFY Bob ", SECONDS);
                System.out.printf("enrollment seen by the other desk after %.0f ms%n", (System.nanoTime() - t0) / 1e6);
                assertEquals(sqliteScore("Bob", List.of(List.of(alice), List.of(bob1, bob2)), List.of("Alice", "Bob"), probe),
                        score(seen), 1e-6, "the same score as a SQLite desk");

                t0 = System.nanoTime();
                deskA.speakers().rename("Bob", "Robert");
                seen = deskB.await("IDENTIFY Robert ", SECONDS);
                System.out.printf("rename seen after %.0f ms%n", (System.nanoTime() - t0) / 1e6);

                t0 = System.nanoTime();
                deskA.speakers().delete("Robert");
                deskB.await("IDENTIFY Alice ", SECONDS);
                System.out.printf("deletion seen after %.0f ms%n", (System.nanoTime() - t0) / 1e6);

                cluster.stop();
                String lost = deskB.await("LOST ", SECONDS).substring(5);
                assertTrue(lost.endsWith(".") && lost.contains("cannot be reached"), lost);
                cluster.start();
                // changed while desk B was cut off: it must catch up once the server is back
                try (VoiceprintStore afterRestart = PostgresStore.open(url)) {
                    afterRestart.enroll("Bob", List.of(take(bob1), take(bob2)), true, null);
                }
                deskB.await("BACK", SECONDS);
                deskB.await("IDENTIFY Bob ", SECONDS);
            }
        }
    }

    /** The score of {@code expected} as one SQLite desk's catalogue computes it for the same speakers. */
    private double sqliteScore(String expected, List<List<float[]>> takes, List<String> names, float[] probe) {
        try (VoiceprintStore store = SqliteStore.open(tmp.resolve("single.db"))) {
            for (int i = 0; i < names.size(); i++) {
                store.enroll(names.get(i), takes.get(i).stream().map(TwoDesksTest::take).toList(), true, null);
            }
            var best = new SpeakerCatalog(store).index(MODEL, DIM).identify(probe, -2).orElseThrow();
            assertEquals(expected, best.key());
            return best.score();
        }
    }

    private static double score(String identifyLine) {
        return Double.parseDouble(identifyLine.split(" ")[2]);
    }

    private static NewEnrollment take(float[] e) {
        return new NewEnrollment("take.wav", 3, 2.5, 0, 20, e, MODEL, null);
    }

    private static float[] vector(Random r) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static String csv(float[] v) {
        StringBuilder b = new StringBuilder();
        for (float f : v) {
            b.append(b.length() == 0 ? "" : ",").append(f);
        }
        return b.toString();
    }
}
