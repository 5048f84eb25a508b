package io.voxprint.model;

import ai.djl.engine.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ECAPA2 TorchScript file, loaded, probed and warmed up, ready to embed 16 kHz mono audio.
 *
 * <p>Safe to call from any thread: one owning thread holds the native model and runs the calls one
 * at a time. Inputs and outputs are plain arrays; no native memory outlives a call. Close it to
 * free the native model; calls after {@link #close()} fail with a {@link ModelException}.
 */
public final class Ecapa2Model implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ecapa2Model.class);
    /** Three seconds: long enough that the warm-up touches the same code paths as real calls. */
    private static final int WARMUP_SAMPLES = 3 * AudioCheck.SAMPLE_RATE;

    private final ModelOwner owner;
    private final TorchScriptModule module;
    private final Card card;
    private final int minSamples;
    private final ModelInfo info;
    private final Map<String, FeatureSpec> featuresByLabel;
    private volatile boolean closed;

    private Ecapa2Model(ModelOwner owner, TorchScriptModule module, Card card, int minSamples, ModelInfo info) {
        this.owner = owner;
        this.module = module;
        this.card = card;
        this.minSamples = minSamples;
        this.info = info;
        this.featuresByLabel = new LinkedHashMap<>();
        info.features().forEach(f -> featuresByLabel.put(f.label(), f));
    }

    /** Loads, probes and warms up the model; every failure is a {@link ModelException} with one sentence. */
    public static Ecapa2Model load(Path file) {
        Objects.requireNonNull(file, "file");
        DjlSettings.apply();
        long start = System.nanoTime();
        checkReadable(file);
        String sha256 = Sha256.ofFile(file);
        long size = sizeOf(file);

        ModelOwner owner = new ModelOwner();
        TorchScriptModule[] loaded = new TorchScriptModule[1];
        try {
            InterfaceProbe.Result probe = owner.call(() -> {
                loaded[0] = TorchScriptModule.load(file);
                return InterfaceProbe.run(loaded[0], file);
            });
            Duration loadTime = Duration.ofNanos(System.nanoTime() - start);

            long warmupStart = System.nanoTime();
            float[] warmup = InterfaceProbe.probeAudio(Math.max(WARMUP_SAMPLES, probe.minSamples()));
            owner.call(() -> probe.card().embed(loaded[0], warmup));
            Duration warmupTime = Duration.ofNanos(System.nanoTime() - warmupStart);

            ModelInfo info = new ModelInfo(file, sha256, size, probe.card().kind(), probe.embeddingDimension(),
                    probe.features(), AudioCheck.seconds(probe.minSamples()), loadTime, warmupTime);
            LOG.info("Loaded {} (sha256 {}, {} bytes): {} interface, {} dimensions, features {}, minimum {} s,"
                    + " load {} ms, warm-up {} ms", file, sha256, size, info.modelInterface(),
                    info.embeddingDimension(), labels(info.features()), info.minSeconds(), loadTime.toMillis(),
                    warmupTime.toMillis());
            return new Ecapa2Model(owner, loaded[0], probe.card(), probe.minSamples(), info);
        } catch (RuntimeException | Error e) {
            LOG.warn("Loading {} failed", file, e);
            closeOnOwner(owner, loaded);
            throw e;
        }
    }

    public ModelInfo info() {
        return info;
    }

    /** The raw (not length-normalised) speaker embedding of 16 kHz mono audio. */
    public float[] embed(float[] audio16k) {
        float[] audio = accepted(audio16k);
        Tensor out = onOwner(() -> card.embed(module, audio));
        return checked(out, "embedding").values();
    }

    /** One feature, {@code label} being one of {@link ModelInfo#features()}. */
    public FeatureMap feature(float[] audio16k, String label) {
        if (!featuresByLabel.containsKey(label)) {
            throw new ModelException("The model offers no feature named '" + label + "'; it offers "
                    + labels(info.features()) + ".");
        }
        float[] audio = accepted(audio16k);
        Tensor out = onOwner(() -> card.feature(module, audio, label));
        return toMap(label, checked(out, label));
    }

    /** Every feature the model offers, computed in one turn of the owning thread. */
    public List<FeatureMap> features(float[] audio16k) {
        float[] audio = accepted(audio16k);
        List<Tensor> outs = onOwner(() -> {
            List<Tensor> list = new ArrayList<>();
            for (String label : featuresByLabel.keySet()) {
                list.add(card.feature(module, audio, label));
            }
            return list;
        });
        List<FeatureMap> maps = new ArrayList<>();
        int i = 0;
        for (String label : featuresByLabel.keySet()) {
            maps.add(toMap(label, checked(outs.get(i++), label)));
        }
        return List.copyOf(maps);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeOnOwner(owner, new TorchScriptModule[] {module});
        LOG.info("Closed model {}", info.file());
    }

    private float[] accepted(float[] audio16k) {
        if (closed) {
            throw new ModelException("The model has been closed.");
        }
        AudioCheck.check(audio16k, minSamples);
        // the call runs on another thread: the caller may reuse its array meanwhile
        return audio16k.clone();
    }

    /** Runs on the owning thread; TorchScript's multi-line tracebacks go to the log, not to the user. */
    private <T> T onOwner(Callable<T> task) {
        return owner.call(() -> {
            try {
                return task.call();
            } catch (EngineException e) {
                LOG.warn("Model call failed on {}", info.file(), e);
                throw new ModelException("The model could not process this audio.", e);
            }
        });
    }

    private static Tensor checked(Tensor out, String what) {
        if (!out.isFinite()) {
            throw new ModelException("The model gave values that are not finite numbers for the " + what
                    + " of this audio.");
        }
        return out;
    }

    private static FeatureMap toMap(String label, Tensor out) {
        return new FeatureMap(label, out.shape(), out.values());
    }

    private static String labels(List<FeatureSpec> features) {
        return features.stream().map(FeatureSpec::label).collect(Collectors.joining(", "));
    }

    private static void closeOnOwner(ModelOwner owner, TorchScriptModule[] module) {
        try {
            owner.call(() -> {
                if (module[0] != null) {
                    module[0].close();
                }
                return null;
            });
        } catch (ModelException e) {
            LOG.warn("Closing the model failed", e);
        } finally {
            owner.shutdown();
        }
    }

    private static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new ModelException("The model file " + file + " does not exist.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelException("The model path " + file + " is not a file.");
        }
        if (!Files.isReadable(file)) {
            throw new ModelException("The model file " + file + " cannot be read.");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new ModelException("The size of the model file " + file + " could not be read.", e);
        }
    }
}
