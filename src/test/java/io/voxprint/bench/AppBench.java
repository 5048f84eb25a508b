package io.voxprint.bench;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AppConfig;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.store.VoiceprintStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Enrollment figures for bench/app/run.sh (a measurement, not a test): speakers enrolled per second
 * through {@link io.voxprint.app.enroll.Enroll#enroll} (three distinct 3-second takes each, so the embedding cache never
 * answers), the same through the store alone (precomputed embeddings), and the database size per
 * speaker with and without kept audio. Usage: AppBench MODEL AUDIO_3S WORK_DIR SPEAKERS OUT_JSON
 */
public final class AppBench {
    private static final int TAKES = 3;
    private static final int DIM = 192;

    private AppBench() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        PreparedAudio speech = new AudioLoader().load(Path.of(args[1]));
        Path work = Path.of(args[2]);
        int speakers = Integer.parseInt(args[3]);
        Files.createDirectories(work);
        StringBuilder json = new StringBuilder("{");

        Random random = new Random(7);
        for (boolean keep : new boolean[] {false, true}) {
            Path db = fresh(work.resolve("enroll-" + (keep ? "kept" : "plain") + ".db"));
            AppConfig config = new AppConfig(db, model, null, AppConfig.DEFAULT_REVISION, true, work, Map.of());
            try (AppContext voxprint = AppContext.open(config, ScoringOptions.defaults().withKeepAudio(keep))) {
                for (int s = 0; s < 5; s++) {
                    voxprint.enroll().enroll("warm-up " + s, takes(speech, random), false, null);
                }
                double[] ms = new double[speakers];
                long all = System.nanoTime();
                for (int s = 0; s < speakers; s++) {
                    List<AudioSource> takes = takes(speech, random);
                    long t = System.nanoTime();
                    voxprint.enroll().enroll("speaker " + s, takes, false, null);
                    ms[s] = Stats.ms(t);
                }
                double perSecond = speakers / (Stats.ms(all) / 1000);
                double[] embed = new double[15];
                for (int i = 0; i < embed.length; i++) {
                    float[] take = noisy(speech.samples(), random);
                    long t = System.nanoTime();
                    voxprint.models().model().embed(take);
                    embed[i] = Stats.ms(t);
                }
                System.out.printf(Locale.ROOT, "enroll through AppContext (keep audio %s): %.1f speakers/s, median %.1f ms per speaker"
                        + " (%d takes of %.0f s); one model call on a take: median %.1f ms%n", keep, perSecond,
                        Stats.median(ms), TAKES, speech.seconds(), Stats.median(embed));
                json.append(String.format(Locale.ROOT, "\"enroll_%s\": {\"speakers_per_s\": %.2f, \"median_ms\": %.2f,"
                        + " \"embed_take_ms\": %.2f},", keep ? "kept" : "plain", perSecond, Stats.median(ms), Stats.median(embed)));
            }
        }

        for (boolean keep : new boolean[] {false, true}) {
            int n = keep ? Math.max(50, speakers * 2) : speakers * 20;
            Path db = fresh(work.resolve("store-" + (keep ? "kept" : "plain") + ".db"));
            double perSecond;
            try (VoiceprintStore store = SqliteStore.open(db)) {
                List<List<NewEnrollment>> rows = new ArrayList<>();
                for (int s = 0; s < n; s++) {
                    rows.add(storeRows(speech, random, keep));
                }
                long t = System.nanoTime();
                for (int s = 0; s < n; s++) {
                    store.enroll("speaker " + s, rows.get(s), true, null);
                }
                perSecond = n / (Stats.ms(t) / 1000);
            }
            long bytes = sizeWithSidecars(db);
            double empty = sizeOfEmpty(work);
            double perSpeaker = (bytes - empty) / n;
            System.out.printf(Locale.ROOT, "store only (keep audio %s): %.0f speakers/s; database %d bytes for %d speakers:"
                    + " %.0f bytes per speaker beyond the empty schema (%.0f bytes)%n", keep, perSecond, bytes, n, perSpeaker, empty);
            json.append(String.format(Locale.ROOT, "\"store_%s\": {\"speakers_per_s\": %.1f, \"speakers\": %d,"
                    + " \"db_bytes\": %d, \"bytes_per_speaker\": %.0f, \"empty_db_bytes\": %.0f},",
                    keep ? "kept" : "plain", perSecond, n, bytes, perSpeaker, empty));
        }
        json.append(String.format(Locale.ROOT, "\"take_seconds\": %.3f, \"takes\": %d}", speech.seconds(), TAKES));
        Files.writeString(Path.of(args[4]), json);
    }

    /** Three takes that differ by a little noise, so each has its own cache key and its own model call. */
    private static List<AudioSource> takes(PreparedAudio speech, Random random) {
        List<AudioSource> takes = new ArrayList<>();
        for (int i = 0; i < TAKES; i++) {
            takes.add(AudioSource.samples("take " + i, noisy(speech.samples(), random), AudioLoader.MODEL_SAMPLE_RATE));
        }
        return takes;
    }

    private static List<NewEnrollment> storeRows(PreparedAudio speech, Random random, boolean keep) {
        List<NewEnrollment> rows = new ArrayList<>();
        for (int i = 0; i < TAKES; i++) {
            float[] embedding = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                embedding[d] = (float) random.nextGaussian();
            }
            rows.add(new NewEnrollment("take " + i + ".wav", speech.seconds(), speech.seconds() * 0.8, 0.0, 30.0,
                    embedding, "0".repeat(64), keep ? noisy(speech.samples(), random) : null));
        }
        return rows;
    }

    private static float[] noisy(float[] samples, Random random) {
        float[] out = samples.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (1e-3 * random.nextGaussian());
        }
        return out;
    }

    private static double sizeOfEmpty(Path work) throws IOException {
        Path db = fresh(work.resolve("empty.db"));
        SqliteStore.open(db).close();
        return sizeWithSidecars(db);
    }

    private static long sizeWithSidecars(Path db) throws IOException {
        long bytes = 0;
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path p = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(p) && !suffix.equals("-shm")) {
                bytes += Files.size(p);
            }
        }
        return bytes;
    }

    private static Path fresh(Path db) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
        }
        return db;
    }
}
