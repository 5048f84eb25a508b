package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.verify.VerifyResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", description = "Is this recording the claimed speaker? Exit code 0 accepted, 1 rejected, 2 error.")
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    VoxprintCli root;

    @Option(names = "--name", required = true, description = "Claimed speaker.")
    String name;

    @Option(names = "--threshold", description = "Decision threshold (default: calibrated EER threshold, else 0.35).")
    Double threshold;

    @Option(names = "--as-norm", description = "Decide on the AS-normalised score.")
    boolean asNorm;

    @Option(names = "--cohort", paramLabel = "FILE", description = "Extra AS-norm cohort (.npy float32 [n, dim]).")
    Path cohort;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        ScoringOptions options = new ScoringOptions(threshold, asNorm, cohort, false);
        try (AppContext app = root.openWithModel(options)) {
            VerifyResult r = app.verify().verify(name, AudioSource.file(file));
            r.warnings().forEach(w -> root.err.println("voxprint: warning: " + w));
            var line = Json.object();
            line.put("speaker", r.speaker());
            line.put("score", r.score());
            line.put("threshold", r.threshold());
            line.put("accepted", r.accepted());
            if (r.llr() != null) {
                line.put("llr", r.llr());
            }
            if (r.normScore() != null) {
                line.put("normScore", r.normScore());
            }
            Json.print(root.out, line);
            return r.accepted() ? VoxprintCli.OK : VoxprintCli.REJECTED;
        }
    }
}
