package io.voxprint.model;

/**
 * {@code extract_embedding(audio)} and {@code extract_feature(audio, label, type)}. To give features
 * the same form as the current card, a statistics label is asked twice (type {@code mean}, then
 * {@code var}) and the two {@code [1, C]} results are joined into one {@code [1, 2C]} vector:
 * means first, then variances. The {@code embedding} label is asked once.
 */
record LegacyCard() implements Card {

    @Override
    public ModelInterface kind() {
        return ModelInterface.LEGACY;
    }

    @Override
    public Tensor embed(TorchScriptModule module, float[] audio) {
        return module.run("extract_embedding", audio);
    }

    @Override
    public Tensor feature(TorchScriptModule module, float[] audio, String label) {
        if ("embedding".equals(label)) {
            return module.run("extract_feature", audio, label);
        }
        Tensor mean = module.run("extract_feature", audio, label, "mean");
        Tensor var = module.run("extract_feature", audio, label, "var");
        return join(mean, var);
    }

    private static Tensor join(Tensor mean, Tensor var) {
        float[] values = new float[mean.values().length + var.values().length];
        System.arraycopy(mean.values(), 0, values, 0, mean.values().length);
        System.arraycopy(var.values(), 0, values, mean.values().length, var.values().length);
        if (mean.isRowVector() && var.isRowVector()) {
            return new Tensor(new long[] {1, values.length}, values);
        }
        // anything but [1, C]: stack the two along a new first axis
        long[] shape = new long[mean.shape().length + 1];
        shape[0] = 2;
        System.arraycopy(mean.shape(), 0, shape, 1, mean.shape().length);
        return new Tensor(shape, values);
    }
}
