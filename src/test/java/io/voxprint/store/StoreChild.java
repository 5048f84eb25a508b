package io.voxprint.store;

import io.voxprint.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the second JVM of the crash and concurrency tests does. Prints marker lines the parent waits
 * for; any failure prints its message and exits 1.
 */
public final class StoreChild {

    private StoreChild() {
    }

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "default-location" -> System.out.println(SqliteStore.defaultLocation());
                case "enroll-loop" -> enrollLoop(Path.of(args[1]), args[2], Long.MAX_VALUE);
                case "writer" -> enrollLoop(Path.of(args[1]), args[2], Long.parseLong(args[3]));
                case "migrate" -> {
                    System.out.println("OPENING");
                    long t0 = System.nanoTime();
                    try (VoiceprintStore store = SqliteStore.open(Path.of(args[1]))) {
                        System.out.println("DONE " + (System.nanoTime() - t0) / 1_000_000 + " schema " + store.schemaVersion());
                    }
                }
                case "import" -> {
                    try (VoiceprintStore store = SqliteStore.open(Path.of(args[1]))) {
                        System.out.println("IMPORTING");
                        long t0 = System.nanoTime();
                        ImportResult r = SpeakerArchive.importInto(store, Path.of(args[2]), args[3]);
                        System.out.println("DONE " + (System.nanoTime() - t0) / 1_000_000 + " speakers " + r.speakers().size());
                    }
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
            System.out.flush();
            System.exit(0);
        } catch (Throwable t) {
            System.out.println("FAILED " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }

    /**
     * Enrolls speakers named {@code <prefix>-<i>-t<k>}, each with k takes in one call (k = 2..5, the
     * later ones with kept audio), so a checker knows from the name how many takes must exist.
     */
    private static void enrollLoop(Path db, String prefix, long millis) {
        long end = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + millis;
        try (VoiceprintStore store = SqliteStore.open(db)) {
            System.out.println("READY");
            int i = 0;
            while (System.currentTimeMillis() < end) {
                int takes = 2 + i % 4;
                String name = prefix + "-" + i + "-t" + takes;
                store.enroll(name, Fixtures.takes(name, takes, Fixtures.MODEL_A, i % 2 == 0 ? 8_000 : 0), true,
                        i % 3 == 0 ? Fixtures.png(i) : null);
                if (i % 5 == 0) {
                    store.audit().append(AuditEntry.verification(Instant.now(), name, true, 0.8, 0.5, Fixtures.MODEL_A, "child"));
                }
                i++;
            }
            System.out.println("ENROLLED " + i);
        }
    }
}
