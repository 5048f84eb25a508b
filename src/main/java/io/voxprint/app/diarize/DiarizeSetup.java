package io.voxprint.app.diarize;

import io.voxprint.app.ScoringOptions;
import io.voxprint.app.Voxprint;
import io.voxprint.app.VoxprintException;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.scoring.AsNorm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins diarization to the rest of the app: the loaded model as the embedder and the enrolled
 * speakers of that model, with the app's threshold (explicit, calibrated, or the default) and
 * AS-norm choice. The only place diarization reads the app's facade.
 */
public final class DiarizeSetup {

    private DiarizeSetup() {
    }

    /** The model's embedder (its own owning thread runs the calls). */
    public static SpeakerEmbedder embedder(Voxprint app) {
        Ecapa2Model model = app.models().model();
        return model::embed;
    }

    /**
     * The enrolled speakers to look for: {@code names} (all enrolled speakers of the current model
     * when empty). Fails with one sentence for a name that is not enrolled with this model.
     */
    public static EnrolledVoices voices(Voxprint app, List<String> names) {
        Map<String, float[]> all = app.speakerModels();
        Map<String, float[]> chosen = new LinkedHashMap<>();
        if (names == null || names.isEmpty()) {
            chosen.putAll(all);
        } else {
            for (String name : names) {
                float[] model = all.get(name);
                if (model == null) {
                    throw new VoxprintException("No speaker named '" + name + "' is enrolled with the model in use.");
                }
                chosen.put(name, model);
            }
        }
        ScoringOptions options = app.options();
        double threshold = app.threshold(app.models().modelSha256());
        if (!options.asNorm() || chosen.isEmpty()) {
            return EnrolledVoices.cosine(chosen, threshold);
        }
        List<float[]> cohort = new ArrayList<>();
        all.forEach((name, model) -> {
            if (!chosen.containsKey(name)) {
                cohort.add(model);
            }
        });
        if (options.cohortFile() != null) {
            cohort.addAll(List.of(AsNorm.readCohort(options.cohortFile())));
        }
        if (chosen.size() + cohort.size() < 3) {
            throw new VoxprintException("AS-norm needs a cohort of at least two other speakers; enroll more"
                    + " speakers, import a cohort file, or turn AS-norm off.");
        }
        return EnrolledVoices.asNorm(chosen, cohort, threshold);
    }

    public static Diarizer diarizer(Voxprint app, List<String> names, DiarizationSettings settings) {
        return new Diarizer(embedder(app), voices(app, names), settings);
    }
}
