package io.voxprint.bench;

import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.SpeakerChanges;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.postgres.HeldWork;
import io.voxprint.store.postgres.PostgresStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One desk of {@link TenDesksBench}, in a process of its own: {@code URL DESK SECONDS FOLDER}. Prints
 * {@code READY} with its index loaded, waits for FOLDER/go, then for SECONDS enrolls speakers named
 * "DESK-i" (two recordings each) and after each verifies a probe against a speaker picked from its
 * own index, which holds the other desks' speakers too, appending the audit line. Prints
 * {@code DONE enrollments verifications median_ms p95_ms}, waits for FOLDER/total (every name
 * enrolled anywhere, one a line) and prints {@code SEES ALL} once its index holds each of them.
 * When the server goes away the desk prints its status sentence as {@code SAYS sentence}, keeps the
 * enrollment or audit line the server did not take and gives it again until it is taken
 * ({@link HeldWork}), and prints {@code BACK ms} with how long it was without the server; DONE then
 * also carries the sentences said, the pieces of work held and the milliseconds without the server.
 */
public final class DeskLoadChild {

    static final String MODEL = "d".repeat(64);
    static final int DIM = 192;

    public static void main(String[] args) throws Exception {
        String desk = args[1];
        long seconds = Long.parseLong(args[2]);
        Path folder = Path.of(args[3]);
        Random random = new Random(desk.hashCode());
        try (VoiceprintStore store = PostgresStore.open(args[0])) {
            SpeakerCatalog catalog = new SpeakerCatalog(store);
            Outage outage = new Outage(catalog);
            store.watch(outage); // after the catalogue, so its status sentence is set when the outage hears of it
            catalog.index(MODEL, DIM);
            System.out.println("READY");
            waitFor(folder.resolve("go"));
            List<Double> enrollMs = new ArrayList<>();
            int verifications = 0;
            int held = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (int i = 0; System.nanoTime() < end; i++) {
                String name = desk + "-" + i;
                float[] voice = vector(random);
                float[] other = vector(random);
                long t0 = System.nanoTime();
                int enrollRefused = HeldWork.untilTaken(() -> store.enroll(name, List.of(take(voice), take(other)), true, null),
                        () -> store.speakers().find(name).isPresent(), e -> outage.noticed(t0));
                enrollMs.add((System.nanoTime() - t0) / 1e6);
                float[] impostor = vector(random);
                int pick = random.nextInt(Integer.MAX_VALUE);
                String source = "probe-" + name + ".wav";
                long verifyStart = System.nanoTime();
                int verifyRefused = HeldWork.untilTaken(() -> {
                    catalog.refresh(name);
                    SpeakerIndex index = catalog.index(MODEL, DIM);
                    List<String> keys = index.keys();
                    String claimed = keys.get(pick % keys.size());
                    float score = index.score(claimed, claimed.equals(name) ? voice : impostor);
                    store.audit().append(AuditEntry.verification(Instant.now(), claimed, score > 0.5, score, 0.5, MODEL, source));
                }, () -> store.audit().latest(1_000).stream().anyMatch(a -> source.equals(a.source())),
                        e -> outage.noticed(verifyStart));
                verifications++;
                held += (enrollRefused > 0 ? 1 : 0) + (verifyRefused > 0 ? 1 : 0);
            }
            double[] ms = enrollMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "DONE %d %d %.1f %.1f %d %d %.0f%n", ms.length, verifications, ms[ms.length / 2],
                    ms[(int) Math.min(ms.length - 1, Math.round(ms.length * 0.95))], outage.sentences(), held, outage.msWithout());
            Path total = folder.resolve("total");
            waitFor(total);
            List<String> everyone = Files.readAllLines(total);
            while (!everyone.stream().allMatch(catalog.index(MODEL, DIM)::contains)) {
                Thread.sleep(20); // waiting for a state: the notices arrive on the store's own thread
            }
            System.out.println("SEES ALL " + everyone.size());
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    /**
     * What the desk tells its user about the server (its catalogue's status sentence), and how long it
     * was without it: from the first sign (the start of the first call the server refused, or the
     * change listener losing it, whichever came first; a refused call may have been waiting for a
     * connection for seconds before it was refused) to the change listener being back.
     */
    private static final class Outage implements SpeakerChanges {
        private final SpeakerCatalog catalog;
        private int sentences;
        private long lostAt;
        private boolean lost;
        private long nanosWithout;

        Outage(SpeakerCatalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public void speakerChanged(String name, String formerNameOrNull) {
        }

        @Override
        public synchronized void serverLost(String sentence) {
            sentences++;
            noticed(System.nanoTime());
            System.out.println("SAYS " + catalog.serverProblem());
        }

        synchronized void noticed(long sinceNanos) {
            if (!lost || sinceNanos < lostAt) {
                lost = true;
                lostAt = sinceNanos;
            }
        }

        @Override
        public synchronized void everythingMayHaveChanged() {
            long without = System.nanoTime() - lostAt;
            nanosWithout += without;
            lost = false;
            System.out.printf(Locale.ROOT, "BACK %.0f%n", without / 1e6);
        }

        synchronized int sentences() {
            return sentences;
        }

        synchronized double msWithout() {
            return nanosWithout / 1e6;
        }
    }

    private static void waitFor(Path file) throws InterruptedException {
        while (!Files.exists(file)) {
            Thread.sleep(20);
        }
    }

    private static NewEnrollment take(float[] embedding) {
        return new NewEnrollment("take.wav", 3, 2.5, 0, 20, embedding, MODEL, null);
    }

    private static float[] vector(Random r) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
