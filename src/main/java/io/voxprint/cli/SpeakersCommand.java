package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.store.ImportResult;
import io.voxprint.store.Speaker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "speakers", description = "List, rename, delete, export and import enrolled speakers.",
        subcommands = {SpeakersCommand.ListSpeakers.class, SpeakersCommand.Rename.class, SpeakersCommand.Delete.class,
            SpeakersCommand.Export.class, SpeakersCommand.Import.class, SpeakersCommand.ReEnroll.class})
final class SpeakersCommand implements Runnable {
    @ParentCommand
    VoxprintCli root;

    @Override
    public void run() {
        new CommandLine(this).usage(root.out);
    }

    @Command(name = "list", description = "One JSON line per speaker.")
    static final class ListSpeakers implements Callable<Integer> {
        @ParentCommand
        SpeakersCommand parent;

        @Override
        public Integer call() {
            try (AppContext app = parent.root.open()) {
                for (Speaker s : app.speakers().list()) {
                    var line = Json.object();
                    line.put("speaker", s.name());
                    line.put("enrollments", s.enrollmentCount());
                    line.put("created", s.created().toString());
                    line.put("photo", s.hasPhoto());
                    if (s.notes() != null) {
                        line.put("notes", s.notes());
                    }
                    Json.print(parent.root.out, line);
                }
                return VoxprintCli.OK;
            }
        }
    }

    @Command(name = "rename", description = "Rename a speaker.")
    static final class Rename implements Callable<Integer> {
        @ParentCommand
        SpeakersCommand parent;

        @Parameters(index = "0", paramLabel = "OLD")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW")
        String newName;

        @Override
        public Integer call() {
            try (AppContext app = parent.root.open()) {
                app.speakers().rename(oldName, newName);
                var line = Json.object();
                line.put("renamed", oldName);
                line.put("speaker", newName);
                Json.print(parent.root.out, line);
                return VoxprintCli.OK;
            }
        }
    }

    @Command(name = "delete", description = "Delete a speaker with all enrollments.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        SpeakersCommand parent;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (AppContext app = parent.root.open()) {
                app.speakers().delete(name);
                var line = Json.object();
                line.put("deleted", name);
                Json.print(parent.root.out, line);
                return VoxprintCli.OK;
            }
        }
    }

    @Command(name = "export", description = "Write speakers to a JSON archive (and optionally a .npy of the embeddings).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        SpeakersCommand parent;

        @Option(names = "--npy", paramLabel = "FILE", description = "Also write the model's embeddings as NumPy .npy.")
        Path npy;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1..*", paramLabel = "NAME", description = "Speakers to export (default: all).")
        List<String> names = List.of();

        @Override
        public Integer call() {
            try (AppContext app = parent.root.open()) {
                app.archives().export(names, file);
                if (npy != null) {
                    app.archives().exportNpy(npy);
                }
                var line = Json.object();
                line.put("exported", file.toString());
                line.put("speakers", names.isEmpty() ? app.speakers().list().size() : names.size());
                Json.print(parent.root.out, line);
                return VoxprintCli.OK;
            }
        }
    }

    @Command(name = "import", description = "Import speakers from a JSON archive made by the same model.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        SpeakersCommand parent;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            try (AppContext app = parent.root.open()) {
                ImportResult r = app.archives().importFrom(file);
                Json.print(parent.root.out, Json.MAPPER.valueToTree(r));
                return VoxprintCli.OK;
            }
        }
    }

    @Command(name = "reenroll", description = "Re-embed kept enrollment audio with the model in use (after a model change).")
    static final class ReEnroll implements Callable<Integer> {
        @ParentCommand
        SpeakersCommand parent;

        @Option(names = "--all", description = "Every speaker that needs it.")
        boolean all;

        @Parameters(arity = "0..*", paramLabel = "NAME")
        List<String> names = List.of();

        @Override
        public Integer call() {
            try (AppContext app = parent.root.open()) {
                List<String> targets = all ? app.reEnroll().speakersNeedingIt() : names;
                if (targets.isEmpty()) {
                    parent.root.err.println("voxprint: Name the speakers to re-enroll, or use --all.");
                    return all ? VoxprintCli.OK : VoxprintCli.ERROR;
                }
                for (String name : targets) {
                    var line = Json.object();
                    line.put("speaker", name);
                    line.put("reembedded", app.reEnroll().fromKeptAudio(name));
                    Json.print(parent.root.out, line);
                }
                return VoxprintCli.OK;
            }
        }
    }
}
