package io.voxprint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: one picocli command tree over the app layer. */
@Command(name = "voxprint", mixinStandardHelpOptions = true, version = "voxprint 0.1.0",
        description = "Speaker verification with ECAPA2.")
public final class VoxprintCli implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs one command line and returns the process exit code. */
    public static int run(String... args) {
        return new CommandLine(new VoxprintCli()).execute(args);
    }
}
