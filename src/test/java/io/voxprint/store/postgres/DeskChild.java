package io.voxprint.store.postgres;

import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.scoring.Candidate;
import io.voxprint.store.SpeakerChanges;
import io.voxprint.store.VoiceprintStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A desk in a process of its own: the app's {@link SpeakerCatalog} on a PostgreSQL store, answering
 * "who is this probe?" after every change it hears of. Prints {@code READY}, then
 * {@code IDENTIFY <name|nobody> <score>} after every change, {@code LOST <sentence>} when the server
 * goes away. Arguments: address, model sha256, the probe as comma-separated floats.
 */
public final class DeskChild {

    public static void main(String[] args) throws Exception {
        String address = args[0];
        String model = args[1];
        float[] probe = parse(args[2]);
        try (VoiceprintStore store = PostgresStore.open(address)) {
            SpeakerCatalog catalog = new SpeakerCatalog(store);
            // subscribed after the catalog, so the catalog has taken in each change when this runs
            store.watch(new SpeakerChanges() {
                @Override
                public void speakerChanged(String name, String formerNameOrNull) {
                    report(catalog, model, probe);
                }

                @Override
                public void everythingMayHaveChanged() {
                    System.out.println("BACK");
                    report(catalog, model, probe);
                }

                @Override
                public void serverLost(String sentence) {
                    System.out.println("LOST " + sentence);
                }
            });
            report(catalog, model, probe);
            System.out.println("READY");
            new CountDownLatch(1).await(); // until the test kills this desk
        }
    }

    static synchronized void report(SpeakerCatalog catalog, String model, float[] probe) {
        try {
            Optional<Candidate> best = catalog.index(model, probe.length).identify(probe, -2);
            System.out.println("IDENTIFY " + best.map(c -> c.key() + " " + c.score()).orElse("nobody 0") + " at "
                    + System.nanoTime());
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
        }
    }

    static float[] parse(String csv) {
        List<String> parts = List.of(csv.split(","));
        float[] v = new float[parts.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(parts.get(i));
        }
        return v;
    }
}
