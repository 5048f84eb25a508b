package io.voxprint.cli;

import io.voxprint.app.AppContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * A subcommand of a {@link CommandGroup}: it reaches the group (and through it the root's options)
 * and prints its results as JSON lines on the root's stdout.
 *
 * @param <G> the group it belongs to
 */
abstract class GroupMember<G extends CommandGroup> implements Callable<Integer> {
    @ParentCommand
    G group;

    VoxprintCli root() {
        return group.root;
    }

    void print(Object line) {
        Json.print(group.root.out, line);
    }

    /** Prints the result line and succeeds: how most subcommands end. */
    int ok(Object line) {
        print(line);
        return VoxprintCli.OK;
    }

    /** A subcommand that works on the opened app, closed again when it is done. */
    abstract static class WithApp<G extends CommandGroup> extends GroupMember<G> {
        @Override
        public final Integer call() {
            try (AppContext app = root().open()) {
                return call(app);
            }
        }

        abstract int call(AppContext app);
    }
}
