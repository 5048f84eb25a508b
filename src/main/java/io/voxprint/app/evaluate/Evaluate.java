package io.voxprint.app.evaluate;

import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.Calibration;
import io.voxprint.app.core.CalibrationFile;
import io.voxprint.app.core.FilePipeline;
import io.voxprint.app.core.ModelService;
import io.voxprint.app.core.Progress;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.app.inspect.Inspect;
import io.voxprint.model.ModelInfo;
import io.voxprint.scoring.EerResult;
import io.voxprint.scoring.LogisticCalibration;
import io.voxprint.scoring.Metrics;
import io.voxprint.scoring.Vectors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a trial list the way the published ECAPA2 figures were made (cosine of the two
 * embeddings) and computes EER, minDCF (p_target 0.01) and Cllr. Each file is decoded and embedded
 * once (and cached in the store, so a second run embeds nothing); the next files decode while the
 * model embeds ({@link FilePipeline}).
 */
public final class Evaluate {
    public static final double P_TARGET = 0.01;
    private final ModelService models;
    private final Inspect inspect;
    private final CalibrationFile calibrations;

    public Evaluate(ModelService models, Inspect inspect, CalibrationFile calibrations) {
        this.models = models;
        this.inspect = inspect;
        this.calibrations = calibrations;
    }

    public EvaluationResult run(List<Trial> trials, Path root, boolean saveCalibration, Progress progress) {
        Set<String> files = new LinkedHashSet<>();
        for (Trial t : trials) {
            files.add(t.enroll());
            files.add(t.test());
        }
        Map<String, float[]> embeddings = embedAll(files, root, progress);
        List<EvaluationResult.ScoredTrial> scored = new ArrayList<>(trials.size());
        List<Double> tar = new ArrayList<>();
        List<Double> non = new ArrayList<>();
        for (Trial t : trials) {
            double s = Vectors.cosine(embeddings.get(t.enroll()), embeddings.get(t.test()));
            scored.add(new EvaluationResult.ScoredTrial(t, s));
            (t.target() ? tar : non).add(s);
        }
        if (tar.isEmpty() || non.isEmpty()) {
            throw new VoxprintException("The trial list needs both target (1) and non-target (0) trials.");
        }
        double[] tarA = tar.stream().mapToDouble(Double::doubleValue).toArray();
        double[] nonA = non.stream().mapToDouble(Double::doubleValue).toArray();
        EerResult eer = Metrics.eer(tarA, nonA);
        double minDcf = Metrics.minDcf(tarA, nonA, P_TARGET, 1, 1);
        ModelInfo info = models.info();
        var saved = calibrations.read(info.sha256());
        String calibrationKind;
        java.util.function.DoubleUnaryOperator llr;
        if (saved.isPresent() && !saveCalibration) {
            llr = saved.get()::llr;
            calibrationKind = "saved";
        } else {
            LogisticCalibration fit = LogisticCalibration.fit(tarA, nonA, 0.5);
            llr = fit::llr;
            calibrationKind = "fitted on these trials";
            if (saveCalibration) {
                calibrations.write(new Calibration(info.sha256(), fit.a(), fit.b(), eer.eer(), eer.threshold(),
                        tarA.length, nonA.length, "eval", Instant.now().toString()));
            }
        }
        double cllr = Metrics.cllr(apply(llr, tarA), apply(llr, nonA));
        return new EvaluationResult(trials.size(), eer.eer(), eer.threshold(), minDcf, cllr, calibrationKind, scored);
    }

    private Map<String, float[]> embedAll(Set<String> files, Path root, Progress progress) {
        List<String> names = new ArrayList<>(files);
        var outcomes = FilePipeline.run(names, name -> inspect.decode(AudioSource.file(root == null ? Path.of(name) : root.resolve(name))),
                inspect::embed, progress);
        Map<String, float[]> out = new LinkedHashMap<>();
        for (var outcome : outcomes) {
            out.put(outcome.input(), outcome.get());
        }
        return out;
    }

    private static double[] apply(java.util.function.DoubleUnaryOperator f, double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = f.applyAsDouble(xs[i]);
        }
        return out;
    }
}
