package check;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs each scripted convolution of make_reference.py through DJL's PyTorch engine and prints the
 * largest difference from Python's output: {@code ConvCheck DATA_DIR LABEL NAME:C:H:W ...}.
 */
public final class ConvCheck {
    private ConvCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        System.out.println("ENGINE libtorch " + Engine.getEngine("PyTorch").getVersion() + ", DJL " + Engine.getDjlVersion());
        for (int i = 2; i < args.length; i++) {
            String[] p = args[i].split(":");
            Shape shape = new Shape(1, Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]));
            float[] in = read(data.resolve(p[0] + "_in.f32"));
            float[] ref = read(data.resolve(p[0] + "_out.f32"));
            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(data.resolve(p[0] + ".pt")).optEngine("PyTorch")
                    .optTranslator(new NoopTranslator()).build();
            try (ZooModel<NDList, NDList> model = criteria.loadModel(); NDManager manager = NDManager.newBaseManager()) {
                NDArray x = manager.create(in, shape);
                NDList out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
                System.out.printf("RESULT %s %s maxAbs=%s%n", args[1], p[0], maxAbs(out.singletonOrThrow().toFloatArray(), ref));
            }
        }
    }

    private static String maxAbs(float[] y, float[] ref) {
        double max = 0;
        int nan = 0;
        for (int i = 0; i < ref.length; i++) {
            if (Float.isNaN(y[i])) {
                nan++;
            } else {
                max = Math.max(max, Math.abs(y[i] - ref[i]));
            }
        }
        return String.format("%.3g%s", max, nan > 0 ? " (" + nan + " NaN)" : "");
    }

    private static float[] read(Path file) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
