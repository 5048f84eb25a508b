package io.voxprint.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;

/**
 * A command that only gathers subcommands ({@code voxprint speakers}, {@code model}, {@code db},
 * {@code keys}): given none, it prints its usage. Its subcommands extend {@link GroupMember}.
 */
abstract class CommandGroup implements Runnable {
    @ParentCommand
    VoxprintCli root;

    @Override
    public void run() {
        new CommandLine(this).usage(root.out);
    }
}
