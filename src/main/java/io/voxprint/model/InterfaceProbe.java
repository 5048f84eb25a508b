package io.voxprint.model;

import ai.djl.engine.EngineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out, by calling it, which interface a TorchScript file answers, which labels it offers with
 * which output shapes, and the shortest audio it accepts. Runs once per file contents (the facts are
 * kept by {@link FactStore}), on the model's owning thread.
 *
 * <p>The real model runs at about real time on a CPU, so every call is made on as little audio as the
 * fact needs: the interface and the labels on half a second (utterance-level statistics have the same
 * shape at any length), the shortest input by doubling from 25 ms and then halving the gap, which
 * keeps every call of that search shorter than twice the answer.
 */
final class InterfaceProbe {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceProbe.class);
    /** Two seconds: the fallback for a model that needs more than the short clip. */
    static final int LONG_PROBE_SAMPLES = 2 * AudioCheck.SAMPLE_RATE;
    /** Half a second: enough frames for every block of the real model. */
    static final int SHORT_PROBE_SAMPLES = AudioCheck.SAMPLE_RATE / 2;
    /** 25 ms, one analysis window: where the search for the shortest input starts. */
    private static final int FIRST_LENGTH = 400;

    private final TorchScriptModule module;
    private final Path file;
    private int calls;

    private InterfaceProbe(TorchScriptModule module, Path file) {
        this.module = module;
        this.file = file;
    }

    /** The facts and the number of model calls it took to learn them. */
    record Outcome(ModelFacts facts, int calls) {
    }

    static Outcome run(TorchScriptModule module, Path file) {
        InterfaceProbe probe = new InterfaceProbe(module, file);
        ModelFacts facts = probe.probe();
        return new Outcome(facts, probe.calls);
    }

    /** Quiet noise: real enough for every layer, the same on every run. */
    static float[] probeAudio(int samples) {
        Random random = new Random(16_000L);
        float[] audio = new float[samples];
        for (int i = 0; i < samples; i++) {
            audio[i] = (float) (0.01 * random.nextGaussian());
        }
        return audio;
    }

    private ModelFacts probe() {
        float[] audio = probeAudio(LONG_PROBE_SAMPLES);
        Found shortAnswer = detect(Arrays.copyOf(audio, SHORT_PROBE_SAMPLES));
        Found found = shortAnswer != null ? shortAnswer : detect(audio);
        if (found == null) {
            throw neither();
        }
        int minSamples = minSamples(found, audio);
        if (minSamples < 0) {
            throw neither();
        }
        float[] clip = Arrays.copyOf(audio, Math.max(minSamples, SHORT_PROBE_SAMPLES));
        List<FeatureSpec> features = new ArrayList<>();
        for (String label : found.card.labels()) {
            if (found.embeddingFeature != null && label.equals("embedding")) {
                features.add(found.embeddingFeature); // the detecting call was this very feature
                continue;
            }
            try {
                Tensor out = call(() -> found.card.feature(module, clip, label, null));
                if (out.isFinite()) {
                    features.add(new FeatureSpec(label, out.shape()));
                } else {
                    LOG.info("Label {} gives values that are not finite on the probe input; left out", label);
                }
            } catch (EngineException e) {
                LOG.debug("Label {} not offered: {}", label, e.getMessage());
            }
        }
        return new ModelFacts(found.card.kind(), found.embedding.values().length, features, minSamples);
    }

    /** What answered: the card, its embedding of the detecting audio, and the embedding feature if that was the call. */
    private record Found(Card card, Tensor embedding, int samples, FeatureSpec embeddingFeature) {
    }

    private Found detect(float[] audio) {
        for (ModelInterface kind : ModelInterface.values()) {
            Card candidate = Card.of(kind);
            try {
                // a label argument is what sets the current interface apart from a plain forward(x)
                Tensor out = kind == ModelInterface.CURRENT
                        ? call(() -> candidate.feature(module, audio, "embedding", null))
                        : call(() -> candidate.embed(module, audio));
                if (out.isRowVector() && out.isFinite()) {
                    FeatureSpec feature = kind == ModelInterface.CURRENT ? new FeatureSpec("embedding", out.shape()) : null;
                    return new Found(candidate, out, audio.length, feature);
                }
                LOG.info("{} does not answer the {} interface on {} samples: output shape {}", file, kind,
                        audio.length, out.shapeText());
            } catch (EngineException e) {
                LOG.info("{} does not answer the {} interface on {} samples: {}", file, kind, audio.length,
                        e.getMessage());
            }
        }
        return null;
    }

    private ModelException neither() {
        return new ModelException("The file " + file + " offers neither ECAPA2 interface"
                + " (ecapa2(audio, label) or extract_embedding/extract_feature).");
    }

    /**
     * The fewest samples (a prefix of the probe audio) that give a finite embedding of the detected
     * shape; -1 when the embedding's shape follows the input length (not an embedding). The
     * embedding call is used, not the detecting feature call: it is what every later call runs.
     */
    private int minSamples(Found found, float[] audio) {
        long[] shape = found.embedding.shape();
        int failed = 0;
        int ok = -1;
        for (int length = FIRST_LENGTH; length < found.samples; length *= 2) {
            Answer answer = tryLength(found.card, Arrays.copyOf(audio, length), shape);
            if (answer == Answer.WRONG_SHAPE) {
                return -1;
            }
            if (answer == Answer.OK) {
                ok = length;
                break;
            }
            failed = length;
        }
        if (ok < 0) {
            // the detecting length itself, through the embedding call this time
            Answer answer = tryLength(found.card, Arrays.copyOf(audio, found.samples), shape);
            if (answer != Answer.OK) {
                return -1;
            }
            ok = found.samples;
        }
        while (ok - failed > 1) {
            int mid = (failed + ok) >>> 1;
            Answer answer = tryLength(found.card, Arrays.copyOf(audio, mid), shape);
            if (answer == Answer.WRONG_SHAPE) {
                return -1;
            }
            if (answer == Answer.OK) {
                ok = mid;
            } else {
                failed = mid;
            }
        }
        return ok;
    }

    private enum Answer { OK, FAILS, WRONG_SHAPE }

    private Answer tryLength(Card card, float[] audio, long[] shape) {
        try {
            Tensor out = call(() -> card.embed(module, audio));
            if (!Arrays.equals(out.shape(), shape)) {
                return Answer.WRONG_SHAPE;
            }
            return out.isFinite() ? Answer.OK : Answer.FAILS;
        } catch (EngineException e) {
            return Answer.FAILS;
        }
    }

    private interface ModelCall {
        Tensor run();
    }

    private Tensor call(ModelCall call) {
        calls++;
        return call.run();
    }
}
