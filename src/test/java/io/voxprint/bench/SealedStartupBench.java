package io.voxprint.bench;

import io.voxprint.crypto.Keys;
import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.scoring.Vectors;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.sealed.ProtectedStore;
import io.voxprint.store.sqlite.SqliteOptions;
import io.voxprint.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Start-up with many speakers, sealed against plain (bench/store/run.sh; a measurement, not a test):
 * the time from opening the database to the speaker index being ready, for the same speakers in a
 * plain and in a passphrase-protected file, alternating in one run. Unlocking (Argon2id, RFC 9106
 * parameters) is timed on its own: it is the price of the passphrase, paid once while the user waits
 * for the prompt anyway. Prints one JSON line.
 */
public final class SealedStartupBench {

    private static final String MODEL = "e".repeat(64);
    private static final int DIM = 192;

    private SealedStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int speakers = Integer.parseInt(args[1]);
        int reps = Integer.parseInt(args[2]);
        char[] passphrase = "a bench passphrase".toCharArray();
        Path plain = dir.resolve("plain-" + speakers + ".db");
        Path sealed = dir.resolve("sealed-" + speakers + ".db");
        if (!Files.exists(plain) || !Files.exists(sealed)) {
            Files.createDirectories(dir);
            Files.deleteIfExists(plain);
            Files.deleteIfExists(sealed);
            fill(plain, speakers, null);
            fill(sealed, speakers, passphrase);
        }
        long[] plainNs = new long[reps];
        long[] sealedNs = new long[reps];
        long[] unlockNs = new long[reps];
        int checksum = 0;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            try (ProtectedStore store = open(plain)) {
                checksum += index(store).size();
            }
            plainNs[r] = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            try (ProtectedStore store = open(sealed)) {
                long u = System.nanoTime();
                store.unlockWithPassphrase(passphrase.clone());
                unlockNs[r] = System.nanoTime() - u;
                checksum += index(store).size();
            }
            sealedNs[r] = System.nanoTime() - t1 - unlockNs[r];
        }
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        System.out.printf(Locale.ROOT, "{\"speakers\": %d, \"reps\": %d, \"plain_ms\": %.1f, \"sealed_ms\": %.1f, "
                + "\"ratio\": %.3f, \"unlock_ms\": %.1f, \"indexed\": %d, \"loadavg\": %s, \"cores\": %d}%n", speakers, reps,
                median(plainNs), median(sealedNs), median(sealedNs) / median(plainNs), median(unlockNs), checksum / (2 * reps),
                load, Runtime.getRuntime().availableProcessors());
    }

    private static ProtectedStore open(Path file) {
        return ProtectedStore.open(codec -> SqliteStore.open(file, SqliteOptions.defaults().withCodec(codec)));
    }

    private static SpeakerIndex index(ProtectedStore store) {
        List<SpeakerEmbeddings> all = store.embeddings().ofModel(MODEL);
        SpeakerIndex index = new SpeakerIndex(DIM, all.size());
        for (SpeakerEmbeddings s : all) {
            index.put(s.speakerName(), Vectors.normalizedMean(s.embeddings()));
        }
        return index;
    }

    /** The same seeded speakers in both files, one recording each, in one transaction per 10,000. */
    private static void fill(Path file, int speakers, char[] passphraseOrNull) {
        try (ProtectedStore store = open(file)) {
            if (passphraseOrNull == null) {
                store.chooseNoProtection();
            } else {
                store.protect(Keys.createWithPassphrase(passphraseOrNull.clone()));
            }
            Random random = new Random(42);
            for (int from = 0; from < speakers; from += 10_000) {
                List<float[]> vectors = new ArrayList<>();
                for (int i = from; i < Math.min(speakers, from + 10_000); i++) {
                    float[] v = new float[DIM];
                    for (int d = 0; d < DIM; d++) {
                        v[d] = (float) random.nextGaussian();
                    }
                    vectors.add(v);
                }
                int start = from;
                store.inTransaction(tx -> {
                    for (int i = 0; i < vectors.size(); i++) {
                        tx.enroll(String.format(Locale.ROOT, "speaker %07d", start + i), List.of(new NewEnrollment("b.wav",
                                5, 4, 0, 30, vectors.get(i), MODEL, null)), true, null);
                    }
                    return null;
                });
            }
        }
    }

    private static double median(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
