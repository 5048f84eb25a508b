package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.store.ImportResult;
import io.voxprint.store.Speaker;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "speakers", description = "List, rename, delete, export and import enrolled speakers.",
        subcommands = {SpeakersCommand.ListSpeakers.class, SpeakersCommand.Rename.class, SpeakersCommand.Delete.class,
            SpeakersCommand.Export.class, SpeakersCommand.Import.class, SpeakersCommand.ReEnroll.class})
final class SpeakersCommand extends CommandGroup {

    @Command(name = "list", description = "One JSON line per speaker.")
    static final class ListSpeakers extends GroupMember.WithApp<SpeakersCommand> {
        @Override
        int call(AppContext app) {
            for (Speaker s : app.speakers().list()) {
                var line = Json.object();
                line.put("speaker", s.name());
                line.put("enrollments", s.enrollmentCount());
                line.put("created", s.created().toString());
                line.put("photo", s.hasPhoto());
                if (s.notes() != null) {
                    line.put("notes", s.notes());
                }
                print(line);
            }
            return VoxprintCli.OK;
        }
    }

    @Command(name = "rename", description = "Rename a speaker.")
    static final class Rename extends GroupMember.WithApp<SpeakersCommand> {
        @Parameters(index = "0", paramLabel = "OLD")
        String oldName;

        @Parameters(index = "1", paramLabel = "NEW")
        String newName;

        @Override
        int call(AppContext app) {
            app.speakers().rename(oldName, newName);
            return ok(Json.object().put("renamed", oldName).put("speaker", newName));
        }
    }

    @Command(name = "delete", description = "Delete a speaker with all enrollments.")
    static final class Delete extends GroupMember.WithApp<SpeakersCommand> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int call(AppContext app) {
            app.speakers().delete(name);
            return ok(Json.object().put("deleted", name));
        }
    }

    @Command(name = "export", description = "Write speakers to a JSON archive (and optionally a .npy of the embeddings).")
    static final class Export extends GroupMember.WithApp<SpeakersCommand> {
        @Option(names = "--npy", paramLabel = "FILE", description = "Also write the model's embeddings as NumPy .npy.")
        Path npy;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1..*", paramLabel = "NAME", description = "Speakers to export (default: all).")
        List<String> names = List.of();

        @Override
        int call(AppContext app) {
            app.archives().export(names, file);
            if (npy != null) {
                app.archives().exportNpy(npy);
            }
            var line = Json.object();
            line.put("exported", file.toString());
            line.put("speakers", names.isEmpty() ? app.speakers().list().size() : names.size());
            return ok(line);
        }
    }

    @Command(name = "import", description = "Import speakers from a JSON archive made by the same model.")
    static final class Import extends GroupMember.WithApp<SpeakersCommand> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        int call(AppContext app) {
            ImportResult r = app.archives().importFrom(file);
            return ok(Json.MAPPER.valueToTree(r));
        }
    }

    @Command(name = "reenroll", description = "Re-embed kept enrollment audio with the model in use (after a model change).")
    static final class ReEnroll extends GroupMember.WithApp<SpeakersCommand> {
        @Option(names = "--all", description = "Every speaker that needs it.")
        boolean all;

        @Parameters(arity = "0..*", paramLabel = "NAME")
        List<String> names = List.of();

        @Override
        int call(AppContext app) {
            List<String> targets = all ? app.reEnroll().speakersNeedingIt() : names;
            if (targets.isEmpty()) {
                root().err.println("voxprint: Name the speakers to re-enroll, or use --all.");
                return all ? VoxprintCli.OK : VoxprintCli.ERROR;
            }
            for (String name : targets) {
                var line = Json.object();
                line.put("speaker", name);
                line.put("reembedded", app.reEnroll().fromKeptAudio(name));
                print(line);
            }
            return VoxprintCli.OK;
        }
    }
}
