package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.identify.IdentifyResult;
import io.voxprint.scoring.Candidate;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "identify", description = "Who is speaking? Ranked enrolled speakers and the open-set decision.")
final class IdentifyCommand implements Callable<Integer> {
    @ParentCommand
    VoxprintCli root;

    @Option(names = "--top", defaultValue = "5", description = "How many candidates to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--threshold", description = "Decision threshold (default: calibrated EER threshold, else 0.35).")
    Double threshold;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        try (AppContext app = root.openWithModel(ScoringOptions.defaults().withThreshold(threshold))) {
            IdentifyResult r = app.identify().identify(AudioSource.file(file), top);
            r.warnings().forEach(w -> root.err.println("voxprint: warning: " + w));
            var line = Json.object();
            var candidates = line.putArray("candidates");
            for (Candidate c : r.candidates()) {
                var o = candidates.addObject();
                o.put("speaker", c.key());
                o.put("score", c.score());
            }
            if (r.decision() == null) {
                line.putNull("decision");
            } else {
                line.put("decision", r.decision());
            }
            line.put("threshold", r.threshold());
            Json.print(root.out, line);
            return VoxprintCli.OK;
        }
    }
}
