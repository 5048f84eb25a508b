package io.voxprint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure a user can cause ends in a ModelException with one readable sentence. */
class ModelErrorsTest {
    private static Ecapa2Model model;
    private static int minSamples;

    @BeforeAll
    static void load() {
        model = Ecapa2Model.load(Fixtures.CURRENT);
        minSamples = Fixtures.model("current").get("minSamples").asInt();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static void assertOneSentence(String message, String expectedPart) {
        assertTrue(message.contains(expectedPart), message);
        assertTrue(message.endsWith("."), message);
        assertTrue(!message.contains("\n") && !message.contains("Exception"), message);
    }

    @Test
    void torchScriptWithAnotherForwardOffersNeitherInterface() {
        ModelException e = assertThrows(ModelException.class, () -> Ecapa2Model.load(Fixtures.NOT_ECAPA2));
        assertOneSentence(e.getMessage(), "offers neither ECAPA2 interface");
    }

    @Test
    void bytesThatAreNoTorchScriptAreRefused() {
        ModelException e = assertThrows(ModelException.class, () -> Ecapa2Model.load(Fixtures.NOT_TORCHSCRIPT));
        assertOneSentence(e.getMessage(), "is not a TorchScript model");
    }

    @Test
    void missingFileIsRefused(@TempDir Path dir) {
        ModelException e = assertThrows(ModelException.class, () -> Ecapa2Model.load(dir.resolve("ecapa2.pt")));
        assertOneSentence(e.getMessage(), "does not exist");
    }

    @Test
    void folderIsRefused(@TempDir Path dir) {
        ModelException e = assertThrows(ModelException.class, () -> Ecapa2Model.load(dir));
        assertOneSentence(e.getMessage(), "is not a file");
    }

    @Test
    void audioOneSampleShorterThanTheMinimumIsRefusedAndTheMinimumIsAccepted() {
        float[] wave = Fixtures.wave("wave-1s-noise");
        ModelException e = assertThrows(ModelException.class,
                () -> model.embed(Arrays.copyOf(wave, minSamples - 1)));
        assertOneSentence(e.getMessage(), "shorter than the");
        assertThrows(ModelException.class, () -> model.features(Arrays.copyOf(wave, 100)));
        float[] embedding = model.embed(Arrays.copyOf(wave, minSamples));
        assertEquals(192, embedding.length);
        for (float v : embedding) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void silentAudioIsRefused() {
        ModelException e = assertThrows(ModelException.class, () -> model.embed(new float[16_000]));
        assertOneSentence(e.getMessage(), "silent");
        assertThrows(ModelException.class, () -> model.feature(new float[16_000], "pool"));
    }

    @Test
    void emptyAudioIsRefused() {
        ModelException e = assertThrows(ModelException.class, () -> model.embed(new float[0]));
        assertOneSentence(e.getMessage(), "shorter than the");
    }

    @Test
    void nonFiniteSamplesAreRefused() {
        float[] wave = Fixtures.wave("wave-1s-noise");
        wave[123] = Float.NaN;
        ModelException e = assertThrows(ModelException.class, () -> model.embed(wave));
        assertOneSentence(e.getMessage(), "not finite");
    }

    @Test
    void unknownLabelIsRefusedWithTheOfferedOnes() {
        ModelException e = assertThrows(ModelException.class,
                () -> model.feature(Fixtures.wave("wave-1s-noise"), "gfe1"));
        assertOneSentence(e.getMessage(), "no feature named 'gfe1'; it offers gfe_1, gfe_2, pool, attention, embedding");
    }

    @Test
    void theModelStillWorksAfterRefusals() {
        float[] expected = Fixtures.floats(Fixtures.model("current").get("outputs").get("wave-3s-speech")
                .get("embedding"));
        assertThrows(ModelException.class, () -> model.embed(new float[10]));
        assertTrue(Fixtures.maxAbsDiff(expected, model.embed(Fixtures.wave("wave-3s-speech"))) <= 1e-4);
    }
}
