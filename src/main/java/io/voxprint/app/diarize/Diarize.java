package io.voxprint.app.diarize;

import io.voxprint.app.core.DecisionPolicy;
import io.voxprint.app.core.LiveOptions;
import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.core.SpeakerCatalog;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.model.ModelInfo;
import io.voxprint.scoring.AsNorm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who spoke when, as a use case: the loaded model as the embedder and the enrolled speakers of
 * that model, with the decision policy's threshold (explicit, calibrated, or the default) and the
 * AS-norm choice of the options in force.
 */
public final class Diarize {
    private final ModelService models;
    private final SpeakerCatalog catalog;
    private final LiveOptions options;
    private final DecisionPolicy policy;

    public Diarize(ModelService models, SpeakerCatalog catalog, LiveOptions options, DecisionPolicy policy) {
        this.models = models;
        this.catalog = catalog;
        this.options = options;
        this.policy = policy;
    }

    /** The model's embedder (its own owning thread runs the calls). */
    public SpeakerEmbedder embedder() {
        Ecapa2Model model = models.model();
        return model::embed;
    }

    /**
     * The enrolled speakers to look for: {@code names} (all enrolled speakers of the current model
     * when empty). Fails with one sentence for a name that is not enrolled with this model.
     */
    public EnrolledVoices voices(List<String> names) {
        Map<String, float[]> all = voiceprints();
        Map<String, float[]> chosen = new LinkedHashMap<>();
        if (names == null || names.isEmpty()) {
            chosen.putAll(all);
        } else {
            for (String name : names) {
                float[] voiceprint = all.get(name);
                if (voiceprint == null) {
                    throw new VoxprintException("No speaker named '" + name + "' is enrolled with the model in use.");
                }
                chosen.put(name, voiceprint);
            }
        }
        ScoringOptions now = options.get();
        double threshold = policy.threshold(models.modelSha256());
        if (!now.asNorm() || chosen.isEmpty()) {
            return EnrolledVoices.cosine(chosen, threshold);
        }
        List<float[]> cohort = new ArrayList<>();
        all.forEach((name, voiceprint) -> {
            if (!chosen.containsKey(name)) {
                cohort.add(voiceprint);
            }
        });
        if (now.cohortFile() != null) {
            cohort.addAll(List.of(AsNorm.readCohort(now.cohortFile())));
        }
        if (chosen.size() + cohort.size() < 3) {
            throw new VoxprintException("AS-norm needs a cohort of at least two other speakers; enroll more"
                    + " speakers, import a cohort file, or turn AS-norm off.");
        }
        return EnrolledVoices.asNorm(chosen, cohort, threshold);
    }

    public Diarizer diarizer(List<String> names, DiarizationSettings settings) {
        return new Diarizer(embedder(), voices(names), settings);
    }

    private Map<String, float[]> voiceprints() {
        ModelInfo info = models.info();
        return catalog.voiceprints(info.sha256(), info.embeddingDimension());
    }
}
