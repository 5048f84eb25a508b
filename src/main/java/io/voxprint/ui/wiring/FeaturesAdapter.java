package io.voxprint.ui.wiring;

import io.voxprint.app.inspect.FeatureReport;
import io.voxprint.model.FeatureMap;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.features.FeaturesActions;
import io.voxprint.ui.values.FeatureInspection;
import io.voxprint.ui.values.LabelledEmbedding;
import io.voxprint.ui.values.Take;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Features view on the inspect use case: every label the loaded model answers, and the speakers' voiceprints. */
final class FeaturesAdapter implements FeaturesActions {
    /** The label under which the scoring embedding is shown when the model has no label of that name. */
    static final String EMBEDDING = "embedding";
    private final AppSession session;

    FeaturesAdapter(AppSession session) {
        this.session = session;
    }

    @Override
    public FeatureInspection inspect(Take take, Progress progress) {
        progress.update(-1);
        FeatureReport report = session.app().inspect().features(AppSession.source(take));
        Map<String, float[]> maps = new LinkedHashMap<>();
        for (FeatureMap f : report.features()) {
            maps.put(f.label(), f.values());
        }
        maps.putIfAbsent(EMBEDDING, report.embedding());
        return new FeatureInspection(take.label(), report.audio().samples(), maps, report.embedding());
    }

    @Override
    public List<LabelledEmbedding> speakerEmbeddings() {
        return session.app().speakers().voiceprints().entrySet().stream()
                .map(e -> new LabelledEmbedding(e.getKey(), e.getValue())).toList();
    }
}
