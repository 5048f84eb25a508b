package io.voxprint.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process that loads the channel-tail model (tools/fixtures/make_conv_tail_model.py), runs it once,
 * and prints one line: the kernels the convolution check chose, oneDNN's instruction-set limit, and
 * the largest difference from Python's output.
 */
public final class ConvolutionChild {
    private ConvolutionChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Fixtures.DIR;
        float[] expected = Fixtures.floats(new ObjectMapper().readTree(dir.resolve("conv-tail-reference.json").toFile()).get("output"));
        float[] actual;
        try (TorchScriptModule module = TorchScriptModule.load(dir.resolve("conv-tail.pt"))) {
            actual = module.run("forward", Fixtures.wave("wave-3s-speech")).values();
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("kernels", ConvolutionCheck.kernels().name());
        line.put("limit", ConvolutionCheck.onednnLimit());
        line.put("maxAbsDiff", expected.length == actual.length ? Fixtures.maxAbsDiff(expected, actual) : Double.NaN);
        System.out.println("RESULT " + new ObjectMapper().writeValueAsString(line));
    }
}
