package io.voxprint.cli;

import io.voxprint.app.Calibration;
import io.voxprint.app.SelfCalibration;
import io.voxprint.app.Voxprint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "calibrate", description = "Calibrate scores on the enrolled speakers (leave-one-out) and keep it for this model.")
final class CalibrateCommand implements Callable<Integer> {
    @ParentCommand
    VoxprintCli root;

    @Override
    public Integer call() {
        try (Voxprint vp = root.open()) {
            Calibration c = new SelfCalibration(vp).run();
            Json.print(root.out, Json.MAPPER.valueToTree(c));
            return VoxprintCli.OK;
        }
    }
}
