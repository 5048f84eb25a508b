package io.voxprint.store.postgres;

import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.SpeakerChanges;
import io.voxprint.store.VoiceprintStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A desk in a process of its own that keeps enrolling and verifying on a shared PostgreSQL database
 * while the server is stopped and started again under it: {@code URL DESK FOLDER}. Loads its index and
 * prints {@code READY}; then, until FOLDER/stop exists, enrolls "DESK-i" (two recordings) and prints
 * {@code ENROLLED name}, re-reads the speaker, scores a probe against its index, appends the audit line
 * (source "probe-name.wav") and prints {@code VERIFIED name}. What its user would see is printed as
 * {@code SAYS sentence} (the catalogue's status sentence when the server is lost) and
 * {@code HELD enroll|verify name: sentence} (a piece of work the server did not take, kept and tried again until it
 * is taken, said once); {@code BACK status} when the server is back, {@code RESUMED} after two more
 * verifications. After the stop it prints {@code DONE n}, waits for FOLDER/total (every name enrolled
 * anywhere, one a line) and prints {@code SEES ALL n} once its index holds each of them.
 */
public final class OutageDeskChild {

    private static final float THRESHOLD = 0.3f;
    private static final int RESUMED_AFTER = 2;

    public static void main(String[] args) throws Exception {
        String desk = args[1];
        Path folder = Path.of(args[2]);
        Random random = new Random(desk.hashCode());
        try (VoiceprintStore store = PostgresStore.open(args[0])) {
            SpeakerCatalog catalog = new SpeakerCatalog(store);
            AtomicBoolean back = new AtomicBoolean();
            // subscribed after the catalogue, so its status sentence is set when these run
            store.watch(new SpeakerChanges() {
                @Override
                public void speakerChanged(String name, String formerNameOrNull) {
                }

                @Override
                public void everythingMayHaveChanged() {
                    System.out.println("BACK " + catalog.serverProblem());
                    back.set(true);
                }

                @Override
                public void serverLost(String sentence) {
                    System.out.println("SAYS " + catalog.serverProblem());
                }
            });
            catalog.index(BusyDeskChild.MODEL, BusyDeskChild.DIM);
            System.out.println("READY");
            int afterBack = 0;
            int i = 0;
            for (; !Files.exists(folder.resolve("stop")); i++) {
                String name = desk + "-" + i;
                float[] voice = BusyDeskChild.vector(random);
                float[] other = BusyDeskChild.vector(random);
                List<NewEnrollment> takes = List.of(BusyDeskChild.take(voice, null), BusyDeskChild.take(other, null));
                HeldWork.untilTaken(() -> store.enroll(name, takes, true, null), () -> store.speakers().find(name).isPresent(),
                        e -> held("enroll", name, e));
                System.out.println("ENROLLED " + name);
                String source = "probe-" + name + ".wav";
                HeldWork.untilTaken(() -> {
                    catalog.refresh(name);
                    float score = catalog.index(BusyDeskChild.MODEL, BusyDeskChild.DIM).score(name, voice);
                    store.audit().append(AuditEntry.verification(Instant.now(), name, score > THRESHOLD, score, THRESHOLD,
                            BusyDeskChild.MODEL, source));
                }, () -> store.audit().latest(1_000).stream().anyMatch(a -> source.equals(a.source())),
                        e -> held("verify", name, e));
                System.out.println("VERIFIED " + name);
                if (back.get() && ++afterBack == RESUMED_AFTER) {
                    System.out.println("RESUMED");
                }
            }
            System.out.println("DONE " + i);
            Path total = folder.resolve("total");
            while (!Files.exists(total)) {
                Thread.sleep(20); // waiting for a state: the test writes the file once every desk has stopped
            }
            List<String> everyone = Files.readAllLines(total);
            while (!everyone.stream().allMatch(catalog.index(BusyDeskChild.MODEL, BusyDeskChild.DIM)::contains)) {
                Thread.sleep(20); // waiting for a state: the notices arrive on the store's own thread
            }
            System.out.println("SEES ALL " + everyone.size() + " status " + catalog.serverProblem());
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void held(String work, String name, RuntimeException e) {
        System.out.println("HELD " + work + " " + name + ": " + e.getMessage());
    }
}
