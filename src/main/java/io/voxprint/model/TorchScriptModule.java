package io.voxprint.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A TorchScript file loaded through DJL's PyTorch engine. Not thread-safe: it is created, used and
 * closed on the single thread of a {@link ModelOwner}, because libtorch's graph-executor setting is
 * per thread and DJL's NDManagers are not safe to share.
 */
final class TorchScriptModule implements AutoCloseable {
    private static final String ENGINE = "PyTorch";

    private final Model model;
    private final PtSymbolBlock block;
    private boolean closed;

    private TorchScriptModule(Model model, PtSymbolBlock block) {
        this.model = model;
        this.block = block;
    }

    /** Loads libtorch and starts DJL's engine, once per process; what every load does first. */
    static void startRuntime() {
        DjlSettings.apply();
        Engine.getEngine(ENGINE);
        NnpackSwitch.disable();
    }

    static TorchScriptModule load(Path file) {
        ModelThreadNiceness.applyToCurrentThread(); // before libtorch's workers are created from this thread
        Model model;
        try {
            startRuntime();
            model = Model.newInstance("ecapa2", Device.cpu(), ENGINE);
        } catch (RuntimeException e) {
            throw new ModelException("The PyTorch runtime could not be started; the log has the details.", e);
        }
        // thread-local in libtorch, so set on the owning thread that runs every call
        JniUtils.setGraphExecutorOptimize(Boolean.parseBoolean(System.getProperty(DjlSettings.GRAPH_OPTIMIZER)));
        try {
            ConvolutionCheck.apply();
            model.load(file, null, Map.of("mapLocation", "true"));
            if (!(model.getBlock() instanceof PtSymbolBlock block)) {
                throw new MalformedModelException("no TorchScript module in " + file);
            }
            return new TorchScriptModule(model, block);
        } catch (IOException | MalformedModelException | EngineException e) {
            model.close();
            throw new ModelException("The file " + file + " is not a TorchScript model.", e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Runs one TorchScript method on {@code [1, N]} audio followed by string arguments; every native
     * object of the call is freed before returning.
     *
     * @throws EngineException when the TorchScript raises or the method does not exist
     */
    Tensor run(String method, float[] audio, String... stringArgs) {
        if (closed) {
            throw new ModelException("The model has been closed.");
        }
        List<IValue> inputs = new ArrayList<>(1 + stringArgs.length);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(audio, new Shape(1, audio.length));
            inputs.add(IValue.from((PtNDArray) input));
            for (String arg : stringArgs) {
                inputs.add(IValue.from(arg));
            }
            try (IValue output = IValueUtils.runMethod(block, method, inputs.toArray(new IValue[0]))) {
                if (!output.isTensor()) {
                    throw new EngineException(method + " returned " + output.getType() + ", not a tensor");
                }
                NDArray tensor = output.toTensor((PtNDManager) manager);
                if (tensor.getDataType() != DataType.FLOAT32) {
                    tensor = tensor.toType(DataType.FLOAT32, false);
                }
                return new Tensor(tensor.getShape().getShape(), tensor.toFloatArray());
            }
        } finally {
            inputs.forEach(IValue::close);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            model.close();
        }
    }
}
