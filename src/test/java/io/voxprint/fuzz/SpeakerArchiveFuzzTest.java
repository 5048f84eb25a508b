package io.voxprint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.voxprint.store.ClashPolicy;
import io.voxprint.store.sqlite.SqliteStore;
import io.voxprint.store.ImportResult;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.SpeakerArchive;
import io.voxprint.store.StoreException;
import io.voxprint.store.VoiceprintStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Voiceprint archive import ({@code SpeakerArchive.importInto}) under mutation, on a real SQLite
 * store: every input is imported or refused with one StoreException sentence, and a refused import
 * leaves the store as it was. Seeds are real exported archives ({@code SpeakerArchiveFuzzTestInputs}).
 */
class SpeakerArchiveFuzzTest {
    /** The model whose embeddings the seed archives carry (see the seeds' modelSha256). */
    static final String MODEL = "a".repeat(64);

    private static Path dir;
    private static Path archive;
    private static VoiceprintStore store;

    @BeforeAll
    static void openStore() throws IOException {
        dir = Files.createTempDirectory("voxprint-archive-fuzz");
        archive = dir.resolve("in.json");
        store = SqliteStore.open(dir.resolve("fuzz.db"));
        store.enroll("Alice", List.of(new NewEnrollment("alice.wav", 5, 4, 0, 20, unit(8, 0), MODEL, null)), true, null);
        // load and instrument the import path's classes now, so their cost is not counted against an input
        Files.writeString(archive, "{\"format\": \"voxprint-speakers\", \"version\": 1, \"speakers\": []}");
        SpeakerArchive.importInto(store, archive, MODEL, ClashPolicy.REFUSE);
    }

    @AfterAll
    static void closeStore() throws IOException {
        store.close();
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void importArchive(byte[] input) throws IOException {
        Files.write(archive, input);
        ClashPolicy policy = input.length % 2 == 0 ? ClashPolicy.REFUSE : ClashPolicy.RENAME;
        long before = Contract.allocatedBytes();
        try {
            ImportResult result = SpeakerArchive.importInto(store, archive, MODEL, policy);
            assertEquals(1 + result.speakers().size(), store.speakers().list().size(), "every imported speaker is listed");
            for (String name : result.speakers()) {
                store.speakers().delete(name);
            }
        } catch (StoreException e) {
            Contract.assertNoFailedAllocation(e);
            Contract.assertOneSentence(e.getMessage(), archive.toString());
            assertEquals(1, store.speakers().list().size(), "a refused import changes nothing");
        }
        long allocated = Contract.allocatedBytes() - before;
        // JSON trees, base64 and SQLite rows: a bounded multiple of the archive's own size
        assertTrue(allocated <= (64L << 20) + 200L * input.length, "allocated " + allocated + " bytes for " + input.length);
    }

    static float[] unit(int dim, int hot) {
        float[] v = new float[dim];
        v[hot] = 1f;
        return v;
    }
}
