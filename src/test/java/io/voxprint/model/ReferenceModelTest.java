package io.voxprint.model;

import static io.voxprint.model.Fixtures.floats;
import static io.voxprint.model.Fixtures.longs;
import static io.voxprint.model.Fixtures.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A fixture model loaded once through DJL for its test class, with what Python's torch computed on
 * it: the tests of each card's interface compare the two.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferenceModelTest {
    static final double TOLERANCE = 1e-4;

    Ecapa2Model model;
    JsonNode reference;

    private final Path fixture;
    private final String referenceName;

    ReferenceModelTest(Path fixture, String referenceName) {
        this.fixture = fixture;
        this.referenceName = referenceName;
    }

    @BeforeAll
    void load() {
        model = Ecapa2Model.load(fixture, Fixtures.freshFacts());
        reference = Fixtures.model(referenceName);
    }

    @AfterAll
    void close() {
        model.close();
    }

    @ParameterizedTest
    @FieldSource("io.voxprint.model.Fixtures#WAVES")
    void embeddingMatchesPython(String wave) {
        float[] expected = floats(reference.get("outputs").get(wave).get("embedding"));
        float[] actual = model.embed(Fixtures.wave(wave));
        assertTrue(maxAbsDiff(expected, actual) <= TOLERANCE, () -> "max abs diff " + maxAbsDiff(expected, actual));
    }

    /** The probe found {@code expected}, these labels in this order, and Python's shapes and shortest input. */
    void assertProbed(ModelInterface expected, List<String> labels) {
        ModelInfo info = model.info();
        assertEquals(expected, info.modelInterface());
        assertEquals(192, info.embeddingDimension());
        assertEquals(labels, info.features().stream().map(FeatureSpec::label).toList());
        for (FeatureSpec spec : info.features()) {
            assertArrayEquals(longs(reference.get("shapes").get(spec.label())), spec.shape(), spec.label());
        }
        assertEquals(reference.get("minSamples").asInt() / 16000.0, info.minSeconds(), 1e-12);
    }
}
