package io.voxprint.cli;

import io.voxprint.common.UserMessage;
import io.voxprint.app.AppContext;
import io.voxprint.app.core.AudioSource;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.model.Ecapa2Model;
import io.voxprint.model.FeatureMap;
import io.voxprint.model.FeatureSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "features", description = "Print the model's hierarchical features of each file, one JSON line per file and label.")
final class FeaturesCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesCommand.class);

    @ParentCommand
    VoxprintCli root;

    @Option(names = {"--label", "-l"}, required = true, paramLabel = "LABEL",
            description = "Feature label as listed by 'model info' (repeatable), or 'all'.")
    List<String> labels;

    @Option(names = {"--type", "-t"}, paramLabel = "TYPE",
            description = "Feature type for a model with the older card's extract_feature (mean, std, ... as the model"
                    + " documents; default mean). Models with the current card take no type.")
    String type;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() {
        try (AppContext app = root.openWithModel()) {
            Ecapa2Model model = app.inspect().model();
            List<String> wanted = new ArrayList<>();
            List<String> offered = model.info().features().stream().map(FeatureSpec::label).toList();
            for (String l : labels) {
                if (l.equals("all")) {
                    wanted.addAll(offered);
                } else if (offered.contains(l)) {
                    wanted.add(l);
                } else {
                    root.err.println("voxprint: The model offers no feature '" + l + "'; it offers " + String.join(", ", offered) + ".");
                    return VoxprintCli.ERROR;
                }
            }
            int failed = 0;
            for (Path file : files) {
                try {
                    PreparedAudio audio = app.inspect().decode(AudioSource.file(file));
                    for (String label : wanted) {
                        FeatureMap f = model.feature(audio.samples(), label, type);
                        var line = Json.object();
                        line.put("file", file.toString());
                        line.put("label", label);
                        if (type != null) {
                            line.put("type", type);
                        }
                        line.set("shape", Json.longs(f.shape()));
                        line.set("values", Json.floats(f.values()));
                        Json.print(root.out, line);
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warn("features failed for {}", file, e);
                    root.err.println("voxprint: " + UserMessage.of(e));
                }
            }
            return failed == 0 ? VoxprintCli.OK : VoxprintCli.PARTIAL;
        }
    }
}
