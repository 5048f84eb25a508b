package io.voxprint.model;

import java.util.List;

/**
 * {@code extract_embedding(audio)} and {@code extract_feature(audio, label, type)}. The type is passed
 * through as given; without one it is the card's example, {@code mean}. The {@code embedding} label
 * takes no type.
 */
record LegacyCard() implements Card {
    static final String DEFAULT_TYPE = "mean";

    @Override
    public ModelInterface kind() {
        return ModelInterface.LEGACY;
    }

    @Override
    public List<String> labels() {
        return List.of("lfe1", "lfe2", "lfe3", "lfe4", "gfe1", "gfe2", "gfe3", "pool", "embedding");
    }

    @Override
    public Tensor embed(TorchScriptModule module, float[] audio) {
        return module.run("extract_embedding", audio);
    }

    @Override
    public Tensor feature(TorchScriptModule module, float[] audio, String label, String type) {
        if ("embedding".equals(label)) {
            return module.run("extract_feature", audio, label);
        }
        return module.run("extract_feature", audio, label, type == null ? DEFAULT_TYPE : type);
    }
}
