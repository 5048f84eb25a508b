package io.voxprint.ui.features;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.FeatureInspection;
import io.voxprint.ui.values.LabelledEmbedding;
import io.voxprint.ui.values.Take;
import java.util.List;

/** What the Features view needs from the application; called off the FX thread. */
public interface FeaturesActions {
    /** Decodes the take to 16 kHz mono and extracts every feature label the model offers. */
    FeatureInspection inspect(Take take, Progress progress) throws Exception;

    /** Every enrolled speaker's model (unit-length mean of their embeddings, of the model in use) with their name. */
    List<LabelledEmbedding> speakerEmbeddings() throws Exception;
}
