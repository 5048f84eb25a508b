package io.voxprint.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.store.EmbeddingRecords;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sqlite.SqliteStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeakerCatalogTest {
    private static final String MODEL = "a".repeat(64);

    @TempDir
    Path dir;

    /**
     * Another desk's change is read on the listener thread while this desk's searches go on: a
     * speaker being re-read must stay searchable the whole time.
     */
    @Test
    void aSpeakerBeingReReadStaysInTheIndexWhileTheDatabaseIsRead() throws Exception {
        try (SqliteStore real = SqliteStore.open(dir.resolve("v.db"))) {
            real.enroll("alice", List.of(take(1, 0, 0)), true, null);
            AtomicReference<SpeakerIndex> seen = new AtomicReference<>();
            List<Boolean> presentDuringRead = new ArrayList<>();
            VoiceprintStore watched = readingHook(real, () -> {
                if (seen.get() != null) {
                    presentDuringRead.add(seen.get().contains("alice"));
                }
            });
            SpeakerCatalog catalog = new SpeakerCatalog(watched);
            seen.set(catalog.index(MODEL, 3));

            real.enroll("alice", List.of(take(0, 1, 0)), false, null);
            catalog.refresh("alice");

            assertEquals(List.of(true), presentDuringRead, "alice was searchable while she was re-read");
            float[] mean = seen.get().voiceprint("alice");
            assertEquals(1 / Math.sqrt(2), mean[0], 1e-6, "the refreshed voiceprint is the mean of both takes");
            assertEquals(1 / Math.sqrt(2), mean[1], 1e-6);
        }
    }

    @Test
    void aSpeakerWithoutEmbeddingsOfTheModelLeavesTheIndex() throws Exception {
        try (SqliteStore store = SqliteStore.open(dir.resolve("v.db"))) {
            store.enroll("bob", List.of(take(0, 0, 1)), true, null);
            SpeakerCatalog catalog = new SpeakerCatalog(store);
            assertTrue(catalog.index(MODEL, 3).contains("bob"));
            store.speakers().delete("bob");
            catalog.refresh("bob");
            assertFalse(catalog.index(MODEL, 3).contains("bob"));
        }
    }

    private static NewEnrollment take(float... embedding) {
        return new NewEnrollment("take.wav", 3, 2.5, 0, 20, embedding, MODEL, null);
    }

    /** The real store, with {@code hook} run whenever one speaker's embeddings are read. */
    private static VoiceprintStore readingHook(VoiceprintStore real, Runnable hook) {
        EmbeddingRecords embeddings = (EmbeddingRecords) Proxy.newProxyInstance(EmbeddingRecords.class.getClassLoader(),
                new Class<?>[] {EmbeddingRecords.class}, (proxy, method, args) -> {
                    if (method.getName().equals("ofSpeaker")) {
                        hook.run();
                    }
                    return forward(method, real.embeddings(), args);
                });
        return (VoiceprintStore) Proxy.newProxyInstance(VoiceprintStore.class.getClassLoader(),
                new Class<?>[] {VoiceprintStore.class}, (proxy, method, args) -> method.getName().equals("embeddings")
                        ? embeddings
                        : forward(method, real, args));
    }

    private static Object forward(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
