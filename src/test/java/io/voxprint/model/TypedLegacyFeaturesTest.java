package io.voxprint.model;

import static io.voxprint.model.Fixtures.floats;
import static io.voxprint.model.Fixtures.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An older-card model whose extract_feature knows the types 'mean' and 'std' and answers the
 * undocumented 'var' with frame-level features (tools/fixtures/make_typed_legacy_model.py), against
 * what Python's torch answered.
 */
class TypedLegacyFeaturesTest {
    private static final double TOLERANCE = 1e-5;
    private static Ecapa2Model model;
    private static JsonNode reference;
    private static float[] wave;

    @BeforeAll
    static void load() {
        model = Ecapa2Model.load(Fixtures.TYPED_LEGACY, Fixtures.freshFacts());
        reference = Fixtures.json("typed-legacy-reference.json");
        wave = Fixtures.wave(reference.get("wave").asText());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static void assertPython(String key, FeatureMap map) {
        float[] expected = floats(reference.get("outputs").get(key));
        assertArrayEquals(new long[] {1, expected.length}, map.shape(), key);
        assertTrue(maxAbsDiff(expected, map.values()) <= TOLERANCE,
                () -> key + ": max abs diff " + maxAbsDiff(expected, map.values()));
    }

    @Test
    void withoutATypeTheCardsExampleMeanIsAsked() {
        assertEquals(ModelInterface.LEGACY, model.info().modelInterface());
        assertPython("gfe1:mean", model.feature(wave, "gfe1"));
        assertPython("pool:mean", model.feature(wave, "pool"));
        assertArrayEquals(new long[] {1, 6}, model.info().features().stream()
                .filter(f -> f.label().equals("gfe1")).findFirst().orElseThrow().shape());
    }

    @Test
    void aTypeIsPassedThrough() {
        assertPython("gfe1:std", model.feature(wave, "gfe1", "std"));
        assertPython("pool:std", model.feature(wave, "pool", "std"));
        assertPython("embedding", model.feature(wave, "embedding", "std"));
    }

    @Test
    void everyFeatureWithoutATypeIsPerUtterance() {
        for (FeatureMap map : model.features(wave)) {
            assertPython(map.label().equals("embedding") ? "embedding" : map.label() + ":mean", map);
        }
    }

    @Test
    void aTypeAnsweredWithFrameLevelValuesGetsOneSentence() {
        ModelException e = assertThrows(ModelException.class, () -> model.feature(wave, "gfe1", "var"));
        long[] frames = Fixtures.longs(reference.get("outputs").get("gfe1:var:shape"));
        assertTrue(e.getMessage().contains(java.util.Arrays.toString(frames))
                && e.getMessage().contains("instead of the per-utterance [1, 6]"), e.getMessage());
        assertTrue(e.getMessage().endsWith(".") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aTypeTheModelRefusesGetsOneSentence() {
        ModelException e = assertThrows(ModelException.class, () -> model.feature(wave, "pool", "median"));
        assertEquals("The model refused the feature 'pool' of type 'median'; the log has its reason.", e.getMessage());
    }
}
