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
 * which output shapes, and the shortest audio it accepts. Runs on the model's owning thread.
 */
final class InterfaceProbe {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceProbe.class);
    static final int PROBE_SAMPLES = 2 * AudioCheck.SAMPLE_RATE;

    record Result(Card card, int embeddingDimension, List<FeatureSpec> features, int minSamples) {
    }

    private InterfaceProbe() {
    }

    /** About 2 s of quiet noise: real enough for every layer, the same on every run. */
    static float[] probeAudio(int samples) {
        Random random = new Random(16_000L);
        float[] audio = new float[samples];
        for (int i = 0; i < samples; i++) {
            audio[i] = (float) (0.01 * random.nextGaussian());
        }
        return audio;
    }

    /** Half a second: enough frames for every block of the real model, a quarter of the interface probe. */
    static final int LABEL_PROBE_SAMPLES = 8_000;

    static Result run(TorchScriptModule module, Path file) {
        float[] audio = probeAudio(PROBE_SAMPLES);
        Card card = null;
        Tensor embedding = null;
        for (ModelInterface kind : ModelInterface.values()) {
            Card candidate = Card.of(kind);
            try {
                Tensor out = kind == ModelInterface.CURRENT
                        ? candidate.feature(module, audio, "embedding") // a label argument is what sets it apart
                        : candidate.embed(module, audio);
                if (out.isRowVector() && out.isFinite()) {
                    card = candidate;
                    embedding = out;
                    break;
                }
                LOG.info("{} does not answer the {} interface: output shape {}", file, kind, out.shapeText());
            } catch (EngineException e) {
                LOG.info("{} does not answer the {} interface: {}", file, kind, e.getMessage());
            }
        }
        if (card == null) {
            throw neither(file);
        }
        int minSamples = minSamples(module, card, audio, embedding.shape());
        if (minSamples < 0) {
            throw neither(file);
        }
        // Utterance-level feature shapes do not depend on the length, and the real model runs at about
        // real time on a CPU: probing a dozen labels on a short clip keeps loading quick.
        float[] clip = Arrays.copyOf(audio, Math.min(audio.length, Math.max(minSamples, LABEL_PROBE_SAMPLES)));
        return new Result(card, embedding.values().length, features(module, card, clip), minSamples);
    }

    private static ModelException neither(Path file) {
        return new ModelException("The file " + file + " offers neither ECAPA2 interface"
                + " (ecapa2(audio, label) or extract_embedding/extract_feature).");
    }

    private static List<FeatureSpec> features(TorchScriptModule module, Card card, float[] audio) {
        List<FeatureSpec> features = new ArrayList<>();
        for (String label : Card.CANDIDATE_LABELS) {
            try {
                Tensor out = card.feature(module, audio, label);
                if (out.isFinite()) {
                    features.add(new FeatureSpec(label, out.shape()));
                } else {
                    LOG.info("Label {} gives values that are not finite on the probe input; left out", label);
                }
            } catch (EngineException e) {
                LOG.debug("Label {} not offered: {}", label, e.getMessage());
            }
        }
        return List.copyOf(features);
    }

    /**
     * Binary search for the shortest prefix of the probe audio that gives a finite embedding of the
     * probe's shape; -1 when the embedding's shape follows the input length (not an embedding).
     */
    private static int minSamples(TorchScriptModule module, Card card, float[] audio, long[] shape) {
        int low = 1;
        int high = audio.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            Answer answer = tryLength(module, card, Arrays.copyOf(audio, mid), shape);
            if (answer == Answer.WRONG_SHAPE) {
                return -1;
            }
            if (answer == Answer.OK) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private enum Answer { OK, FAILS, WRONG_SHAPE }

    private static Answer tryLength(TorchScriptModule module, Card card, float[] audio, long[] shape) {
        try {
            Tensor out = card.embed(module, audio);
            if (!Arrays.equals(out.shape(), shape)) {
                return Answer.WRONG_SHAPE;
            }
            return out.isFinite() ? Answer.OK : Answer.FAILS;
        } catch (EngineException e) {
            return Answer.FAILS;
        }
    }
}
