package io.voxprint.model;

import static io.voxprint.model.Fixtures.floats;
import static io.voxprint.model.Fixtures.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The current-card fixture, run through DJL, against what Python's torch computed. */
class CurrentInterfaceTest extends ReferenceModelTest {
    static final List<String> WAVES = Fixtures.WAVES;

    CurrentInterfaceTest() {
        super(Fixtures.CURRENT, "current");
    }

    @Test
    void probeFindsTheCurrentInterfaceItsLabelsAndShapes() {
        assertProbed(ModelInterface.CURRENT, List.of("gfe_1", "gfe_2", "pool", "attention", "embedding"));
    }

    @Test
    void infoCarriesTheFilesDigestAndSize() {
        assertEquals(reference.get("sha256").asText(), model.info().sha256());
        assertEquals(reference.get("sizeBytes").asLong(), model.info().sizeBytes());
        assertEquals(Fixtures.CURRENT, model.info().file());
        assertTrue(model.info().loadTime().toNanos() > 0 && model.info().probed());
    }

    @ParameterizedTest
    @FieldSource("WAVES")
    void everyFeatureMatchesPython(String wave) {
        JsonNode outputs = reference.get("outputs").get(wave);
        List<FeatureMap> maps = model.features(Fixtures.wave(wave));
        assertEquals(Fixtures.fieldNames(outputs), maps.stream().map(FeatureMap::label).toList());
        for (FeatureMap map : maps) {
            float[] expected = floats(outputs.get(map.label()));
            assertArrayEquals(new long[] {1, expected.length}, map.shape(), map.label());
            assertTrue(maxAbsDiff(expected, map.values()) <= TOLERANCE,
                    () -> map.label() + ": max abs diff " + maxAbsDiff(expected, map.values()));
        }
    }

    @ParameterizedTest
    @FieldSource("WAVES")
    void singleFeatureMatchesPython(String wave) {
        float[] expected = floats(reference.get("outputs").get(wave).get("attention"));
        FeatureMap map = model.feature(Fixtures.wave(wave), "attention");
        assertEquals("attention", map.label());
        assertTrue(maxAbsDiff(expected, map.values()) <= TOLERANCE);
    }

    @Test
    void aFeatureTypeIsRefusedWithOneSentence() {
        ModelException e = org.junit.jupiter.api.Assertions.assertThrows(ModelException.class,
                () -> model.feature(Fixtures.wave("wave-1s-noise"), "pool", "mean"));
        assertTrue(e.getMessage().contains("have no type") && e.getMessage().endsWith("."), e.getMessage());
    }
}
