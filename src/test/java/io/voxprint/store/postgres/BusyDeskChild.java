package io.voxprint.store.postgres;

import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.VoiceprintStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A desk in a process of its own doing real work against a shared PostgreSQL database.
 * <ul>
 * <li>{@code work URL DESK SPEAKERS TOTAL}: enrolls SPEAKERS speakers named "DESK-i", after each one
 * verifies a probe against a speaker of its own index and appends the audit line, then waits until its
 * index holds TOTAL speakers (everyone's enrollments) and prints {@code SEES ALL}.</li>
 * <li>{@code enroll-forever URL DESK TAKES}: enrolls speakers of TAKES recordings with kept audio, one
 * after the other, printing {@code ENROLLING name} before each (the test kills it in the middle).</li>
 * </ul>
 */
public final class BusyDeskChild {

    static final String MODEL = "f".repeat(64);
    static final int DIM = 32;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        String desk = args[2];
        Random random = new Random(desk.hashCode());
        try (VoiceprintStore store = PostgresStore.open(url)) {
            if (mode.equals("work")) {
                work(store, desk, Integer.parseInt(args[3]), Integer.parseInt(args[4]), random);
            } else {
                enrollForever(store, desk, Integer.parseInt(args[3]), random);
            }
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(1);
        }
    }

    private static void work(VoiceprintStore store, String desk, int speakers, int total, Random random) throws InterruptedException {
        SpeakerCatalog catalog = new SpeakerCatalog(store);
        store.watch(new io.voxprint.store.SpeakerChanges() {
            @Override
            public void speakerChanged(String name, String formerNameOrNull) {
            }

            @Override
            public void everythingMayHaveChanged() {
                System.out.println("RE-READ");
            }

            @Override
            public void serverLost(String sentence) {
                System.out.println("LOST " + sentence);
            }
        });
        catalog.index(MODEL, DIM);
        for (int i = 0; i < speakers; i++) {
            String name = desk + "-" + i;
            float[] voice = vector(random);
            store.enroll(name, List.of(take(voice, null), take(vector(random), null)), true, null);
            catalog.refresh(name);
            SpeakerIndex index = catalog.index(MODEL, DIM);
            float score = index.score(name, voice);
            store.audit().append(AuditEntry.verification(Instant.now(), name, score > 0.3, score, 0.3, MODEL, "probe.wav"));
            System.out.println("VERIFIED " + name);
        }
        long deadline = System.nanoTime() + 540_000_000_000L;
        while (catalog.index(MODEL, DIM).size() < total) {
            if (System.nanoTime() > deadline) {
                System.out.println("FAILED sees only " + catalog.index(MODEL, DIM).size() + " of " + total);
                System.exit(1);
            }
            Thread.sleep(20); // waiting for a state, polled: the notices arrive on the store's own thread
        }
        System.out.println("SEES ALL " + catalog.index(MODEL, DIM).size());
    }

    private static void enrollForever(VoiceprintStore store, String desk, int takes, Random random) {
        for (int i = 0;; i++) {
            String name = desk + "-" + i;
            List<NewEnrollment> all = new ArrayList<>();
            for (int t = 0; t < takes; t++) {
                float[] audio = new float[16_000 * 3];
                for (int s = 0; s < audio.length; s += 7) {
                    audio[s] = random.nextFloat() - 0.5f;
                }
                all.add(take(vector(random), audio));
            }
            System.out.println("ENROLLING " + name);
            store.enroll(name, all, true, null);
            System.out.println("ENROLLED " + name);
        }
    }

    static NewEnrollment take(float[] embedding, float[] audio) {
        return new NewEnrollment("take.wav", 3, 2.5, 0, 20, embedding, MODEL, audio);
    }

    static float[] vector(Random r) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
