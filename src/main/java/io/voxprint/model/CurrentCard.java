package io.voxprint.model;

import java.util.List;

/**
 * {@code ecapa2(audio)} and {@code ecapa2(audio, label)}: features come back as means then variances.
 * The current card has no feature type; {@link Ecapa2Model} refuses one before it gets here.
 */
record CurrentCard() implements Card {

    @Override
    public ModelInterface kind() {
        return ModelInterface.CURRENT;
    }

    @Override
    public List<String> labels() {
        return List.of("gfe_1", "gfe_2", "pool", "attention", "embedding");
    }

    @Override
    public Tensor embed(TorchScriptModule module, float[] audio) {
        return module.run("forward", audio);
    }

    @Override
    public Tensor feature(TorchScriptModule module, float[] audio, String label, String type) {
        return module.run("forward", audio, label);
    }
}
