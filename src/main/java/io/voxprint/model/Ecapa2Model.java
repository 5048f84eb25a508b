package io.voxprint.model;

import ai.djl.engine.EngineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ECAPA2 TorchScript file, loaded and ready to embed 16 kHz mono audio.
 *
 * <p>Loading a file whose contents were seen before costs libtorch's load and nothing else: what the
 * probe learnt is kept by {@link FactStore}. A new file is probed once ({@link InterfaceProbe}). There is
 * no warm-up at load: in a one-shot command the next call is the real work anyway; a long-lived
 * program that wants its first answer quick calls {@link #warmUp()} while nobody waits.
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

    /** Loads the model, keeping what is learnt in the user's cache folder. */
    public static Ecapa2Model load(Path file) {
        return load(file, FactStore.forUser(System.getenv()));
    }

    /**
     * Loads the model; probes it only when {@code facts} knows nothing about its contents. Every failure
     * is a {@link ModelException} with one sentence.
     */
    public static Ecapa2Model load(Path file, FactStore facts) {
        Objects.requireNonNull(file, "file");
        DjlSettings.apply();
        long start = System.nanoTime();
        checkReadable(file);
        FactStore.FileStamp stamp = FactStore.FileStamp.of(file);
        Optional<String> knownDigest = facts.knownDigest(file, stamp);
        // hashing a new 109 MB file costs about as much as loading it: both at once
        FutureTask<String> hashing = new FutureTask<>(() -> Sha256.ofFile(file));
        if (knownDigest.isEmpty()) {
            Thread thread = new Thread(hashing, "voxprint-model-digest");
            thread.setDaemon(true);
            thread.start();
        }

        ModelOwner owner = new ModelOwner();
        TorchScriptModule[] loaded = new TorchScriptModule[1];
        try {
            owner.call(() -> {
                loaded[0] = TorchScriptModule.load(file);
                return null;
            });
            String sha256 = knownDigest.isPresent() ? knownDigest.get() : digest(hashing, file);
            if (knownDigest.isEmpty() && stamp.equals(FactStore.FileStamp.of(file))) {
                facts.rememberDigest(file, stamp, sha256);
            }
            Optional<ModelFacts> remembered = facts.facts(sha256);
            int probeCalls = 0;
            ModelFacts known;
            if (remembered.isPresent()) {
                known = remembered.get();
            } else {
                InterfaceProbe.Outcome outcome = owner.call(() -> InterfaceProbe.run(loaded[0], file));
                known = outcome.facts();
                probeCalls = outcome.calls();
                facts.remember(sha256, known);
            }
            Duration loadTime = Duration.ofNanos(System.nanoTime() - start);
            ModelInfo info = new ModelInfo(file, sha256, stamp.size(), known.modelInterface(),
                    known.embeddingDimension(), known.features(), AudioCheck.seconds(known.minSamples()), loadTime,
                    probeCalls);
            LOG.info("Loaded {} (sha256 {}, {} bytes): {} interface, {} dimensions, features {}, minimum {} s,"
                    + " load {} ms, {}", file, sha256, stamp.size(), info.modelInterface(),
                    info.embeddingDimension(), labels(info.features()), info.minSeconds(), loadTime.toMillis(),
                    probeCalls == 0 ? "facts remembered" : "probed with " + probeCalls + " calls");
            return new Ecapa2Model(owner, loaded[0], Card.of(known.modelInterface()), known.minSamples(), info);
        } catch (RuntimeException | Error e) {
            LOG.warn("Loading {} failed", file, e);
            hashing.cancel(true);
            closeOnOwner(owner, loaded);
            throw e;
        }
    }

    private static String digest(FutureTask<String> hashing, Path file) {
        try {
            return hashing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("Loading the model was interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ModelException m) {
                throw new ModelException(m.getMessage(), m);
            }
            throw new ModelException("The model file " + file + " could not be read.", e.getCause());
        }
    }

    /** One embedding of 3 s, so that later calls do not pay libtorch's first-call costs. */
    public void warmUp() {
        embed(InterfaceProbe.probeAudio(Math.max(WARMUP_SAMPLES, minSamples)));
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

    /** One feature with the card's default type, {@code label} being one of {@link ModelInfo#features()}. */
    public FeatureMap feature(float[] audio16k, String label) {
        return feature(audio16k, label, null);
    }

    /**
     * One feature. {@code type} is the older card's feature type ({@code mean}, {@code std}, ...) passed
     * through as given; null means the card's default ({@code mean}). The current card has no type.
     * The answer must have the per-utterance shape the probe saw, and a shape that describes its values.
     */
    public FeatureMap feature(float[] audio16k, String label, String type) {
        FeatureSpec spec = featuresByLabel.get(label);
        if (spec == null) {
            throw new ModelException("The model offers no feature named '" + label + "'; it offers "
                    + labels(info.features()) + ".");
        }
        if (type != null && card.kind() == ModelInterface.CURRENT) {
            throw new ModelException("This model has the current interface, whose features have no type;"
                    + " leave the type out.");
        }
        float[] audio = accepted(audio16k);
        Tensor out = owner.call(() -> {
            try {
                return card.feature(module, audio, label, type);
            } catch (EngineException e) {
                LOG.warn("Feature {} of type {} failed on {}", label, type, info.file(), e);
                throw new ModelException("The model refused the feature '" + label + "'"
                        + (type == null ? "" : " of type '" + type + "'") + "; the log has its reason.", e);
            }
        });
        return toMap(spec, type, checked(out, label));
    }

    /** Every feature the model offers, with the card's default type, computed in one turn of the owning thread. */
    public List<FeatureMap> features(float[] audio16k) {
        float[] audio = accepted(audio16k);
        List<Tensor> outs = onOwner(() -> {
            List<Tensor> list = new ArrayList<>();
            for (String label : featuresByLabel.keySet()) {
                list.add(card.feature(module, audio, label, null));
            }
            return list;
        });
        List<FeatureMap> maps = new ArrayList<>();
        int i = 0;
        for (FeatureSpec spec : featuresByLabel.values()) {
            maps.add(toMap(spec, null, checked(outs.get(i++), spec.label())));
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

    private static FeatureMap toMap(FeatureSpec spec, String type, Tensor out) {
        String what = "the feature '" + spec.label() + "'" + (type == null ? "" : " of type '" + type + "'");
        if (!out.shapeDescribesValues()) {
            throw new ModelException("The model answered " + what + " with the shape " + out.shapeText()
                    + ", which does not describe its " + out.values().length + " values.");
        }
        if (!Arrays.equals(out.shape(), spec.shape())) {
            throw new ModelException("The model answered " + what + " with the shape " + out.shapeText()
                    + " instead of the per-utterance " + Arrays.toString(spec.shape()) + " it gives by default.");
        }
        return new FeatureMap(spec.label(), out.shape(), out.values());
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

}
