package io.voxprint.model;

/** {@code ecapa2(audio)} and {@code ecapa2(audio, label)}: features come back as means then variances. */
record CurrentCard() implements Card {

    @Override
    public ModelInterface kind() {
        return ModelInterface.CURRENT;
    }

    @Override
    public Tensor embed(TorchScriptModule module, float[] audio) {
        return module.run("forward", audio);
    }

    @Override
    public Tensor feature(TorchScriptModule module, float[] audio, String label) {
        return module.run("forward", audio, label);
    }
}
