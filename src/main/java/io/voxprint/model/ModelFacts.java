package io.voxprint.model;

import java.util.List;

/**
 * What probing a model file established: facts about the file's contents alone, so they are kept
 * per sha256 and reused by every later load of the same bytes ({@link FactStore}).
 *
 * @param modelInterface     the calling convention the file answers
 * @param embeddingDimension length of the embedding (192 for ECAPA2)
 * @param features           the labels the file answers, in the model's hierarchy order, with their shapes
 * @param minSamples         the fewest 16 kHz samples that give a finite embedding
 */
record ModelFacts(ModelInterface modelInterface, int embeddingDimension, List<FeatureSpec> features, int minSamples) {

    ModelFacts {
        features = List.copyOf(features);
    }

    /** True when the facts could have come from a probe; a damaged record fails this. */
    boolean plausible() {
        if (modelInterface == null || embeddingDimension <= 0 || minSamples <= 0 || features.isEmpty()) {
            return false;
        }
        for (FeatureSpec f : features) {
            if (f == null || !Card.CANDIDATE_LABELS.contains(f.label()) || f.shape() == null || f.shape().length == 0) {
                return false;
            }
            for (long d : f.shape()) {
                if (d <= 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
