package io.voxprint.cli;

import io.voxprint.scoring.DiarizationError;
import io.voxprint.scoring.DiarizationScorer;
import io.voxprint.scoring.Rttm;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "der", description = "Diarization error rate of a hypothesis RTTM against a reference RTTM"
        + " (NIST md-eval: missed speech, false alarm, speaker confusion under the best label mapping).")
final class DerCommand implements Callable<Integer> {
    @ParentCommand
    VoxprintCli root;

    @Option(names = "--reference", required = true, paramLabel = "REF.rttm", description = "The true segments.")
    Path reference;

    @Option(names = "--hypothesis", required = true, paramLabel = "HYP.rttm", description = "The segments to score.")
    Path hypothesis;

    @Option(names = "--collar", defaultValue = "0.25", paramLabel = "S",
            description = "Seconds not scored either side of each reference boundary (default: ${DEFAULT-VALUE}).")
    double collar;

    @Option(names = "--skip-overlap", description = "Do not score moments where several reference speakers talk.")
    boolean skipOverlap;

    @Override
    public Integer call() {
        DiarizationError e = new DiarizationScorer(collar, skipOverlap).score(Rttm.read(reference), Rttm.read(hypothesis));
        if (!(e.scored() > 0)) {
            root.err.println("voxprint: the reference '" + reference.getFileName() + "' has no speech left to score.");
            return VoxprintCli.ERROR;
        }
        var line = Json.object();
        line.put("der", e.der());
        line.put("missed", e.missedFraction());
        line.put("falseAlarm", e.falseAlarmFraction());
        line.put("confusion", e.confusionFraction());
        line.put("scoredSeconds", e.scored());
        Json.print(root.out, line);
        return VoxprintCli.OK;
    }
}
