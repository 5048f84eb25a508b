package io.voxprint.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What is known about a loaded model file.
 *
 * @param file               the TorchScript file
 * @param sha256             lowercase hex digest of the file; embeddings are only comparable within one digest
 * @param sizeBytes          the file's size
 * @param modelInterface     the calling convention the file answers
 * @param embeddingDimension length of {@link Ecapa2Model#embed(float[])}'s result (192 for ECAPA2)
 * @param features           the labels the file answers, in the model's hierarchy order
 * @param minSeconds         the shortest audio the model accepts
 * @param loadTime           digest, libtorch's load and, for a file not seen before, the probe
 * @param probeCalls         model calls made while loading: 0 when the facts about these contents were
 *                           remembered from an earlier load ({@link FactStore})
 */
public record ModelInfo(Path file, String sha256, long sizeBytes, ModelInterface modelInterface,
        int embeddingDimension, List<FeatureSpec> features, double minSeconds, Duration loadTime, int probeCalls) {

    /** True when this load probed the file; false when the facts were remembered. */
    public boolean probed() {
        return probeCalls > 0;
    }
}
