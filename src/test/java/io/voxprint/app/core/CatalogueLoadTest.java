package io.voxprint.app.core;

import static io.voxprint.store.Fixtures.DIM;
import static io.voxprint.store.Fixtures.MODEL_A;
import static io.voxprint.store.Fixtures.MODEL_B;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.scoring.SpeakerIndex;
import io.voxprint.store.Enrollment;
import io.voxprint.store.Fixtures;
import io.voxprint.store.NewEnrollment;
import io.voxprint.store.PackedEmbeddings;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.StoreEngine;
import io.voxprint.store.StoreEngines.EngineTest;
import io.voxprint.store.VoiceprintStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The speaker index loaded from each engine (PostgreSQL reads it in bulk, in the server's order; SQLite
 * row by row) holds exactly the voiceprints worked out here, in double precision, from the vectors that
 * were stored: speakers with one and with several enrollments, of one model, of the other, and of both,
 * and speakers enrolled again after everyone else, whose rows the server finds apart.
 */
class CatalogueLoadTest {

    private static final int SPEAKERS = 120;

    @EngineTest
    void theIndexHoldsTheVoiceprintsOfTheStoredVectorsOfItsModelOnly(StoreEngine engine) {
        try (VoiceprintStore store = engine.newDatabase().open()) {
            Map<String, List<float[]>> storedA = new TreeMap<>();
            Map<String, List<float[]>> storedB = new TreeMap<>();
            for (int i = 0; i < SPEAKERS; i++) {
                // names of mixed case and beyond ASCII, so the order by name key is exercised too
                String name = (i % 3 == 0 ? "Zoë " : i % 3 == 1 ? "émile " : "ANNA ") + i;
                int takes = 1 + i % 4;
                String model = i % 10 == 9 ? MODEL_B : MODEL_A;
                List<NewEnrollment> news = Fixtures.takes(name, takes, model, 0);
                store.enroll(name, news, true, null);
                (model.equals(MODEL_A) ? storedA : storedB).put(name, new ArrayList<>(news.stream().map(NewEnrollment::embedding).toList()));
                if (i % 5 == 0 && model.equals(MODEL_A)) {
                    // a second model's embedding of the same recordings, as after re-embedding kept audio
                    List<float[]> second = new ArrayList<>();
                    for (Enrollment en : store.speakers().enrollments(name)) {
                        float[] v = Fixtures.vector(name + "/b", (int) en.id(), DIM);
                        store.embeddings().put(en.id(), MODEL_B, v);
                        second.add(v);
                    }
                    storedB.put(name, second);
                }
            }
            for (int i = 0; i < SPEAKERS; i += 7) {
                String name = (i % 3 == 0 ? "Zoë " : i % 3 == 1 ? "émile " : "ANNA ") + i;
                if (storedA.containsKey(name)) {
                    List<NewEnrollment> later = List.of(Fixtures.take(name, 10, MODEL_A, 0), Fixtures.take(name, 11, MODEL_A, 0));
                    store.enroll(name, later, false, null);
                    later.forEach(n -> storedA.get(name).add(n.embedding()));
                }
            }

            for (Map.Entry<String, Map<String, List<float[]>>> model : Map.of(MODEL_A, storedA, MODEL_B, storedB).entrySet()) {
                List<SpeakerEmbeddings> loaded = new ArrayList<>();
                store.embeddings().eachOfModel(model.getKey(), loaded::add);
                assertEquals(model.getValue().size(), loaded.size());
                for (SpeakerEmbeddings s : loaded) {
                    List<float[]> expected = model.getValue().get(s.speakerName());
                    assertEquals(expected.size(), s.embeddings().size(), s.speakerName());
                    for (int k = 0; k < expected.size(); k++) {
                        assertArrayEquals(expected.get(k), s.embeddings().get(k), s.speakerName() + " take " + k);
                    }
                    // the one-speaker read (row by row on every engine) agrees with the bulk read
                    SpeakerEmbeddings one = store.embeddings().ofSpeaker(s.speakerName(), model.getKey()).orElseThrow();
                    assertEquals(s.speakerId(), one.speakerId());
                    for (int k = 0; k < expected.size(); k++) {
                        assertArrayEquals(one.embeddings().get(k), s.embeddings().get(k));
                    }
                }
                assertEquals(loaded.stream().map(SpeakerEmbeddings::speakerName).toList(),
                        store.embeddings().ofModel(model.getKey()).stream().map(SpeakerEmbeddings::speakerName).toList());
                // the packed read (what the index is built from) gives the same speakers and values; a speaker
                // may come twice, first in part and then whole (the later replaces the earlier in the index)
                Map<String, List<float[]>> packed = new LinkedHashMap<>();
                int[] expected = {-1};
                store.embeddings().packedOfModel(model.getKey(), new PackedEmbeddings() {
                    @Override
                    public void expect(int speakers) {
                        expected[0] = speakers;
                    }

                    @Override
                    public void speaker(String name, float[] values, int count, int dimension) {
                        assertEquals(DIM, dimension, name);
                        List<float[]> embeddings = new ArrayList<>();
                        for (int k = 0; k < count; k++) {
                            embeddings.add(Arrays.copyOfRange(values, k * DIM, (k + 1) * DIM));
                        }
                        packed.put(name, embeddings);
                    }
                });
                assertEquals(loaded.size(), packed.size());
                for (SpeakerEmbeddings same : loaded) {
                    List<float[]> last = packed.get(same.speakerName());
                    assertEquals(same.embeddings().size(), last.size(), same.speakerName());
                    for (int k = 0; k < last.size(); k++) {
                        assertArrayEquals(same.embeddings().get(k), last.get(k), same.speakerName() + " take " + k);
                    }
                }
                assertEquals(SPEAKERS, expected[0], "told to expect every speaker of the store");

                SpeakerCatalog catalog = new SpeakerCatalog(store);
                Map<String, float[]> voiceprints = catalog.voiceprints(model.getKey(), DIM);
                assertEquals(model.getValue().keySet(), new TreeMap<>(voiceprints).keySet());
                for (Map.Entry<String, List<float[]>> s : model.getValue().entrySet()) {
                    double[] want = normalizedMean(s.getValue());
                    float[] got = voiceprints.get(s.getKey());
                    for (int d = 0; d < DIM; d++) {
                        assertEquals(want[d], got[d], 1e-6, s.getKey() + " value " + d);
                    }
                }
                // identification from the loaded index: each speaker's first take finds that speaker first
                SpeakerIndex index = catalog.index(model.getKey(), DIM);
                assertEquals(List.copyOf(packed.keySet()), index.keys(), "the index keeps the order the speakers were read in");
                for (Map.Entry<String, List<float[]>> s : model.getValue().entrySet()) {
                    assertEquals(s.getKey(), index.topK(s.getValue().get(0), 1).get(0).key());
                }
            }
        }
    }

    /** Mean of the unit vectors, made a unit vector: the voiceprint, worked out independently of the scoring code. */
    private static double[] normalizedMean(List<float[]> vectors) {
        double[] sum = new double[DIM];
        for (float[] v : vectors) {
            double norm = 0;
            for (float x : v) {
                norm += (double) x * x;
            }
            norm = Math.sqrt(norm);
            for (int d = 0; d < DIM; d++) {
                sum[d] += v[d] / norm;
            }
        }
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < DIM; d++) {
            sum[d] /= norm;
        }
        assertTrue(norm > 0);
        return sum;
    }
}
