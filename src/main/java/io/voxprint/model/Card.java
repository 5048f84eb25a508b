package io.voxprint.model;

import java.util.List;

/** How embeddings and features are asked of a model file with one of the published interfaces. */
sealed interface Card permits CurrentCard, LegacyCard {

    /** Labels documented on either model card, in the model's hierarchy order. */
    List<String> CANDIDATE_LABELS = List.of("lfe1", "lfe2", "lfe3", "lfe4", "gfe1", "gfe_1", "gfe2", "gfe_2", "gfe3",
            "pool", "attention", "embedding");

    ModelInterface kind();

    /** The labels this card documents, in hierarchy order; the probe keeps those that answer. */
    List<String> labels();

    /** @throws ai.djl.engine.EngineException when the TorchScript raises */
    Tensor embed(TorchScriptModule module, float[] audio);

    /**
     * @param type the older card's feature type ({@code mean}, {@code std}, ...); null for the card's default
     * @throws ai.djl.engine.EngineException when the TorchScript raises, e.g. for an unknown label
     */
    Tensor feature(TorchScriptModule module, float[] audio, String label, String type);

    static Card of(ModelInterface kind) {
        return switch (kind) {
            case CURRENT -> new CurrentCard();
            case LEGACY -> new LegacyCard();
        };
    }
}
