package io.voxprint.model;

import static io.voxprint.model.Fixtures.floats;
import static io.voxprint.model.Fixtures.maxAbsDiff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * 3x3 convolutions over channel counts that are not a multiple of the vector width (ECAPA2's front stage
 * has 164), where some processors' oneDNN kernels are wrong: through a TorchScript file, the result
 * equals what Python's torch computed (tools/fixtures/make_conv_tail_model.py), on whatever kernels the
 * convolution check chose for this machine.
 */
class ChannelTailConvolutionTest {

    private static final Path DIR = Path.of("src", "test", "resources", "model");

    @Test
    void aModelWithChannelTailsComputesWhatPythonComputes() throws Exception {
        JsonNode reference = new ObjectMapper().readTree(DIR.resolve("conv-tail-reference.json").toFile());
        float[] expected = floats(reference.get("output"));
        try (TorchScriptModule module = TorchScriptModule.load(DIR.resolve("conv-tail.pt"))) {
            float[] actual = module.run("forward", Fixtures.wave("wave-3s-speech")).values();
            assertEquals(expected.length, actual.length);
            double diff = maxAbsDiff(expected, actual);
            assertTrue(diff <= 1e-4, () -> "max abs diff " + diff + " with " + ConvolutionCheck.kernels());
        }
        assertNotEquals(ConvolutionCheck.Kernels.NOT_CHECKED, ConvolutionCheck.kernels(), "the check ran before the first model call");
        assertEquals(0, ConvolutionCheck.worstError(), "the kernels in use are right on the check's own probes");
    }

    @Test
    void theCheckReferenceIsAPlainConvolution() {
        // one channel of ones, a kernel of ones: each output counts the input values under the 3x3 window
        float[] ones = new float[3 * 4];
        java.util.Arrays.fill(ones, 1f);
        float[] weight = new float[8 * 9];
        java.util.Arrays.fill(weight, 1f);
        float[] out = ConvolutionCheck.convolve(ones, weight, 1, 3, 4);
        assertEquals(4f, out[0]); // a corner
        assertEquals(6f, out[1]); // the top edge
        assertEquals(9f, out[4 + 1]); // inside
        assertEquals(4f, out[8 * 12 - 1]); // the last channel's last corner
    }
}
