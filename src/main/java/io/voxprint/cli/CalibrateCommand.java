package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.app.calibrate.Calibrate;
import io.voxprint.app.core.Calibration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "calibrate", description = "Calibrate scores on the enrolled speakers (leave-one-out) and keep it for this model.")
final class CalibrateCommand implements Callable<Integer> {
    @ParentCommand
    VoxprintCli root;

    @picocli.CommandLine.Option(names = "--far", paramLabel = "RATE",
            description = "Also print the threshold for this false-accept rate on the enrolled speakers (e.g. 0.01).")
    Double far;

    @Override
    public Integer call() {
        try (AppContext app = root.open()) {
            Calibrate calibration = app.calibrate();
            Calibration c = calibration.run();
            var line = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(c);
            if (far != null) {
                line.put("far", far);
                line.put("farThreshold", calibration.thresholdForFalseAcceptRate(far));
            }
            Json.print(root.out, line);
            return VoxprintCli.OK;
        }
    }
}
