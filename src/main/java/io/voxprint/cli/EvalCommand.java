package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.app.evaluate.EvaluationResult;
import io.voxprint.app.evaluate.TrialList;
import io.voxprint.app.report.DetPlot;
import io.voxprint.app.report.ScoreHistogram;
import io.voxprint.scoring.Metrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "eval", description = "Score a VoxCeleb-style trial list: EER, minDCF (p_target 0.01), Cllr.")
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    VoxprintCli root;

    @Option(names = "--trials", required = true, paramLabel = "FILE", description = "Lines '1 enroll.wav test.wav' (1 = same speaker).")
    Path trials;

    @Option(names = "--root", paramLabel = "DIR", description = "Folder the trial paths are relative to.")
    Path audioRoot;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write det.png and scores.png here.")
    Path plots;

    @Option(names = "--scores", paramLabel = "FILE", description = "Write 'label score enroll test' per trial.")
    Path scores;

    @Option(names = "--save-calibration", description = "Fit a calibration on these trials and keep it for this model.")
    boolean saveCalibration;

    @Override
    public Integer call() throws IOException {
        var list = TrialList.read(trials);
        Path base = audioRoot != null ? audioRoot : trials.toAbsolutePath().getParent();
        try (AppContext app = root.openWithModel()) {
            EvaluationResult r = app.evaluate().run(list, base, saveCalibration,
                    new FileProgress(root.err, "Embedding"));
            if (scores != null) {
                writeScores(r, scores);
            }
            if (plots != null) {
                Files.createDirectories(plots);
                double[] tar = r.scores().stream().filter(s -> s.trial().target()).mapToDouble(EvaluationResult.ScoredTrial::score).toArray();
                double[] non = r.scores().stream().filter(s -> !s.trial().target()).mapToDouble(EvaluationResult.ScoredTrial::score).toArray();
                DetPlot.write(Metrics.det(tar, non), plots.resolve("det.png"));
                ScoreHistogram.write(tar, non, r.eerThreshold(), plots.resolve("scores.png"));
            }
            var line = Json.object();
            line.put("trials", r.trials());
            line.put("eer", r.eer());
            line.put("eerThreshold", r.eerThreshold());
            line.put("minDcf", r.minDcf());
            line.put("cllr", r.cllr());
            line.put("calibration", r.calibration());
            Json.print(root.out, line);
            return VoxprintCli.OK;
        }
    }

    private static void writeScores(EvaluationResult r, Path file) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            for (var s : r.scores()) {
                // Full precision: the independent EER check re-reads these numbers.
                w.println((s.trial().target() ? "1" : "0") + " " + String.format(Locale.ROOT, "%.9f", s.score()) + " "
                        + s.trial().enroll() + " " + s.trial().test());
            }
        }
    }
}
