package io.voxprint.app.calibrate;

import io.voxprint.app.core.Calibration;
import io.voxprint.app.core.CalibrationFile;
import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.model.ModelInfo;
import io.voxprint.scoring.EerResult;
import io.voxprint.scoring.LogisticCalibration;
import io.voxprint.scoring.Metrics;
import io.voxprint.scoring.Vectors;
import io.voxprint.store.SpeakerEmbeddings;
import io.voxprint.store.VoiceprintStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibrates on the user's own enrolled voices, leave-one-out: each enrollment is scored against its
 * own speaker's model built without it (a target trial) and against every other speaker's model (a
 * non-target trial). Needs two speakers, at least one of them with two or more enrollments.
 */
public final class Calibrate {
    private final VoiceprintStore store;
    private final ModelService models;
    private final CalibrationFile calibrations;

    public Calibrate(VoiceprintStore store, ModelService models, CalibrationFile calibrations) {
        this.store = store;
        this.models = models;
        this.calibrations = calibrations;
    }

    /** Leave-one-out target and non-target scores of the enrolled speakers. */
    public record Trials(double[] targetScores, double[] nonTargetScores) {
    }

    public Calibration run() {
        ModelInfo info = models.info();
        Trials trials = trials();
        double[] tarA = trials.targetScores();
        double[] nonA = trials.nonTargetScores();
        LogisticCalibration fit = LogisticCalibration.fit(tarA, nonA, 0.5);
        EerResult eer = Metrics.eer(tarA, nonA);
        Calibration c = new Calibration(info.sha256(), fit.a(), fit.b(), eer.eer(), eer.threshold(), tarA.length,
                nonA.length, "enrolled speakers (leave-one-out)", Instant.now().toString());
        calibrations.write(c);
        return c;
    }

    /** The lowest threshold whose false-accept rate on the enrolled speakers is at most {@code far}. */
    public double thresholdForFalseAcceptRate(double far) {
        return Metrics.thresholdForFalseAcceptRate(trials().nonTargetScores(), far);
    }

    public Trials trials() {
        ModelInfo info = models.info();
        List<SpeakerEmbeddings> speakers = store.embeddings().ofModel(info.sha256()).stream()
                .filter(s -> !s.embeddings().isEmpty()).toList();
        List<float[]> models = speakers.stream().map(s -> Vectors.normalizedMean(s.embeddings())).toList();
        List<Double> tar = new ArrayList<>();
        List<Double> non = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) {
            List<float[]> own = speakers.get(i).embeddings();
            for (int j = 0; j < own.size(); j++) {
                float[] probe = own.get(j);
                if (own.size() > 1) {
                    List<float[]> rest = new ArrayList<>(own);
                    rest.remove(j);
                    tar.add((double) Vectors.cosine(probe, Vectors.normalizedMean(rest)));
                }
                for (int k = 0; k < speakers.size(); k++) {
                    if (k != i) {
                        non.add((double) Vectors.cosine(probe, models.get(k)));
                    }
                }
            }
        }
        if (tar.isEmpty() || non.isEmpty()) {
            throw new VoxprintException("Calibration needs at least two enrolled speakers and two recordings of"
                    + " one of them.");
        }
        return new Trials(tar.stream().mapToDouble(Double::doubleValue).toArray(),
                non.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
