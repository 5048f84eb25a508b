package io.voxprint.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.store.NewEnrollment;
import io.voxprint.store.StoreException;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.testing.PostgresCluster;
import io.voxprint.testing.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An open store whose server stops and comes back: one sentence while it is away, then work resumes with nothing lost. */
@ExtendWith(PostgresExtension.class)
class ServerRestartTest {

    private static final String MODEL = "9".repeat(64);

    @Test
    void whileTheServerIsDownEveryCallIsOneSentenceAndAfterItIsBackNothingIsLost(PostgresCluster cluster) {
        String url = cluster.url(cluster.createDatabase());
        try (VoiceprintStore store = PostgresStore.open(url)) {
            store.enroll("Alice", List.of(take()), true, null);
            cluster.stop();
            try {
                StoreException read = assertThrows(StoreException.class, () -> store.speakers().list());
                StoreException write = assertThrows(StoreException.class, () -> store.enroll("Bob", List.of(take()), true, null));
                for (StoreException e : List.of(read, write)) {
                    assertEquals(StoreException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
                    assertTrue(e.getMessage().startsWith("Voxprint cannot reach the database server 127.0.0.1:")
                            && e.getMessage().endsWith(".") && !e.getMessage().contains("\n"), e.getMessage());
                }
            } finally {
                cluster.start();
            }
            // the same store, without reopening: the pool connects anew once the server answers again
            awaitReachable(store);
            store.enroll("Bob", List.of(take()), true, null);
            assertEquals(List.of("Alice", "Bob"), store.speakers().list().stream().map(s -> s.name()).toList());
        }
    }

    /** Waits for the state (the store answers a read), not for a time; fails after a generous deadline. */
    private static void awaitReachable(VoiceprintStore store) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try {
                store.speakers().list();
                return;
            } catch (StoreException e) {
                if (e.kind() != StoreException.Kind.UNAVAILABLE || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private static NewEnrollment take() {
        return new NewEnrollment("take.wav", 3, 2.5, 0, 20, new float[] {1, 2, 3}, MODEL, null);
    }
}
