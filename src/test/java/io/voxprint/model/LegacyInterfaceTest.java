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

/**
 * The older-card fixture against Python, which recorded extract_feature(type='mean') and (type='var').
 * Without a type Voxprint asks the card's default, 'mean'; a type is passed through as given.
 */
class LegacyInterfaceTest extends ReferenceModelTest {
    static final List<String> WAVES = Fixtures.WAVES;
    static final List<String> STATISTICS = List.of("lfe1", "lfe2", "lfe3", "lfe4", "gfe1", "gfe2", "gfe3", "pool");

    LegacyInterfaceTest() {
        super(Fixtures.LEGACY, "legacy");
    }

    @Test
    void probeFindsTheLegacyInterfaceItsLabelsAndShapes() {
        assertProbed(ModelInterface.LEGACY, List.of("lfe1", "lfe2", "lfe3", "lfe4", "gfe1", "gfe2", "gfe3", "pool", "embedding"));
        assertEquals(reference.get("sha256").asText(), model.info().sha256());
    }

    @ParameterizedTest
    @FieldSource("WAVES")
    void everyFeatureMatchesPythonsDefaultTypeMean(String wave) {
        JsonNode outputs = reference.get("outputs").get(wave);
        List<FeatureMap> maps = model.features(Fixtures.wave(wave));
        assertEquals(STATISTICS.size() + 1, maps.size());
        for (FeatureMap map : maps) {
            float[] expected = map.label().equals("embedding")
                    ? floats(outputs.get("embedding"))
                    : floats(outputs.get(map.label() + ":mean"));
            assertArrayEquals(new long[] {1, expected.length}, map.shape(), map.label());
            assertTrue(maxAbsDiff(expected, map.values()) <= TOLERANCE,
                    () -> map.label() + ": max abs diff " + maxAbsDiff(expected, map.values()));
        }
    }

    @ParameterizedTest
    @FieldSource("WAVES")
    void theTypeIsPassedThrough(String wave) {
        JsonNode outputs = reference.get("outputs").get(wave);
        for (String label : STATISTICS) {
            for (String type : List.of("mean", "var")) {
                float[] expected = floats(outputs.get(label + ":" + type));
                FeatureMap map = model.feature(Fixtures.wave(wave), label, type);
                assertArrayEquals(new long[] {1, expected.length}, map.shape(), label + ":" + type);
                assertTrue(maxAbsDiff(expected, map.values()) <= TOLERANCE,
                        () -> label + ":" + type + ": max abs diff " + maxAbsDiff(expected, map.values()));
            }
        }
    }
}
