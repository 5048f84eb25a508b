package io.voxprint.app;

import io.voxprint.model.ModelInfo;
import io.voxprint.scoring.EerResult;
import io.voxprint.scoring.LogisticCalibration;
import io.voxprint.scoring.Metrics;
import io.voxprint.scoring.Vectors;
import io.voxprint.store.SpeakerEmbeddings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Calibrates on the user's own enrolled voices, leave-one-out: each enrollment is scored against its
 * own speaker's model built without it (a target trial) and against every other speaker's model (a
 * non-target trial). Needs two speakers, at least one of them with two or more enrollments.
 */
public final class SelfCalibration {
    private final Voxprint voxprint;

    public SelfCalibration(Voxprint voxprint) {
        this.voxprint = voxprint;
    }

    /** Leave-one-out target and non-target scores of the enrolled speakers. */
    public record Trials(double[] targetScores, double[] nonTargetScores) {
    }

    public Calibration run() {
        ModelInfo info = voxprint.modelInfo();
        Trials trials = trials();
        double[] tarA = trials.targetScores();
        double[] nonA = trials.nonTargetScores();
        LogisticCalibration fit = LogisticCalibration.fit(tarA, nonA, 0.5);
        EerResult eer = Metrics.eer(tarA, nonA);
        Calibration c = new Calibration(info.sha256(), fit.a(), fit.b(), eer.eer(), eer.threshold(), tarA.length,
                nonA.length, "enrolled speakers (leave-one-out)", Instant.now().toString());
        voxprint.saveCalibration(c);
        return c;
    }

    /** The lowest threshold whose false-accept rate on the enrolled speakers is at most {@code far}. */
    public double thresholdForFalseAcceptRate(double far) {
        return Metrics.thresholdForFalseAcceptRate(trials().nonTargetScores(), far);
    }

    public Trials trials() {
        ModelInfo info = voxprint.modelInfo();
        List<SpeakerEmbeddings> speakers = voxprint.embeddingsOfModel(info.sha256()).stream()
                .filter(s -> !s.embeddings().isEmpty()).toList();
        List<float[]> models = speakers.stream().map(s -> Vectors.speakerModel(s.embeddings())).toList();
        List<Double> tar = new ArrayList<>();
        List<Double> non = new ArrayList<>();
        for (int i = 0; i < speakers.size(); i++) {
            List<float[]> own = speakers.get(i).embeddings();
            for (int j = 0; j < own.size(); j++) {
                float[] probe = own.get(j);
                if (own.size() > 1) {
                    List<float[]> rest = new ArrayList<>(own);
                    rest.remove(j);
                    tar.add((double) Vectors.cosine(probe, Vectors.speakerModel(rest)));
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
