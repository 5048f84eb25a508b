package io.voxprint.model;

import static io.voxprint.model.Fixtures.floats;
import static io.voxprint.model.Fixtures.longs;
import static io.voxprint.model.Fixtures.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The older-card fixture against Python, which recorded extract_feature(type='mean') and (type='var').
 * Without a type Voxprint asks the card's default, 'mean'; a type is passed through as given.
 */
class LegacyInterfaceTest {
    private static final double TOLERANCE = 1e-4;
    static final List<String> WAVES = Fixtures.WAVES;
    static final List<String> STATISTICS = List.of("lfe1", "lfe2", "lfe3", "lfe4", "gfe1", "gfe2", "gfe3", "pool");

    private static Ecapa2Model model;
    private static JsonNode reference;

    @BeforeAll
    static void load() {
        model = Ecapa2Model.load(Fixtures.LEGACY, Fixtures.freshFacts());
        reference = Fixtures.model("legacy");
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void probeFindsTheLegacyInterfaceItsLabelsAndShapes() {
        ModelInfo info = model.info();
        assertEquals(ModelInterface.LEGACY, info.modelInterface());
        assertEquals(192, info.embeddingDimension());
        assertEquals(List.of("lfe1", "lfe2", "lfe3", "lfe4", "gfe1", "gfe2", "gfe3", "pool", "embedding"),
                info.features().stream().map(FeatureSpec::label).toList());
        for (FeatureSpec spec : info.features()) {
            assertArrayEquals(longs(reference.get("shapes").get(spec.label())), spec.shape(), spec.label());
        }
        assertEquals(reference.get("minSamples").asInt() / 16000.0, info.minSeconds(), 1e-12);
        assertEquals(reference.get("sha256").asText(), info.sha256());
    }

    @ParameterizedTest
    @FieldSource("WAVES")
    void embeddingMatchesPython(String wave) {
        float[] expected = floats(reference.get("outputs").get(wave).get("embedding"));
        float[] actual = model.embed(Fixtures.wave(wave));
        assertTrue(maxAbsDiff(expected, actual) <= TOLERANCE, () -> "max abs diff " + maxAbsDiff(expected, actual));
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
