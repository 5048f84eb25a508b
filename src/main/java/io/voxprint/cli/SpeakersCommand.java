package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.app.speakers.SpeakerArchives;
import io.voxprint.crypto.PassphraseInput;
import io.voxprint.store.ImportResult;
import io.voxprint.store.Speaker;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "speakers", description = "List, rename, delete, export and import enrolled speakers.",
        subcommands = {SpeakersCommand.ListSpeakers.class, SpeakersCommand.Rename.class, SpeakersCommand.Delete.class,
            SpeakersCommand.Export.class, SpeakersCommand.Import.class, SpeakersCommand.ReEnroll.class})
final class SpeakersCommand extends CommandGroup {

    /** An archive's passphrase: its own file, else the database's source (option or variable), else the terminal. */
    PassphraseInput archivePassphrase(Path archiveFile) {
        return new PassphraseInput(archiveFile != null ? archiveFile : root.passphraseFile, root.env, System.console());
    }

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

    @Command(name = "export", description = {"Write speakers to an archive encrypted with a passphrase "
            + "(AES-256-GCM, Argon2id key).", "--plaintext writes plain JSON instead, and is needed for --npy."})
    static final class Export extends GroupMember<SpeakersCommand> {
        @Option(names = "--plaintext", description = "Write the archive (and --npy) unencrypted: anyone who can read "
                + "the file reads the voiceprints.")
        boolean plaintext;

        @Option(names = "--npy", paramLabel = "FILE", description = "Also write the model's embeddings as NumPy .npy "
                + "(always unencrypted, so only with --plaintext).")
        Path npy;

        @Option(names = "--archive-passphrase-file", paramLabel = "FILE", description = "File holding the archive's "
                + "new passphrase (default: --passphrase-file / $VOXPRINT_PASSPHRASE_FILE, then a prompt, typed twice).")
        Path archivePassphraseFile;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Parameters(index = "1..*", paramLabel = "NAME", description = "Speakers to export (default: all).")
        List<String> names = List.of();

        @Override
        public Integer call() {
            if (npy != null && !plaintext) { // refused before the database is opened: nothing is asked or written
                root().err.println("voxprint: A .npy file cannot be encrypted; add --plaintext to write it anyway"
                        + " (" + lowerFirst(SpeakerArchives.PLAINTEXT_NPY) + ").");
                return VoxprintCli.ERROR;
            }
            try (AppContext app = root().open()) {
                if (plaintext) {
                    app.archives().exportPlaintext(names, file);
                    root().err.println("voxprint: " + SpeakerArchives.PLAINTEXT_ARCHIVE);
                } else {
                    char[] passphrase = group.archivePassphrase(archivePassphraseFile)
                            .readNew("New passphrase for the archive " + file);
                    try {
                        app.archives().export(names, file, passphrase);
                    } finally {
                        Arrays.fill(passphrase, '\0');
                    }
                }
                if (npy != null) {
                    app.archives().exportNpy(npy);
                    root().err.println("voxprint: " + SpeakerArchives.PLAINTEXT_NPY);
                }
                var line = Json.object();
                line.put("exported", file.toString());
                line.put("encrypted", !plaintext);
                line.put("speakers", names.isEmpty() ? app.speakers().list().size() : names.size());
                return ok(line);
            }
        }

        private static String lowerFirst(String sentence) {
            return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1, sentence.length() - 1);
        }
    }

    @Command(name = "import", description = "Import speakers from an archive (encrypted or plain) made by the same model.")
    static final class Import extends GroupMember.WithApp<SpeakersCommand> {
        @Option(names = "--archive-passphrase-file", paramLabel = "FILE", description = "File holding the archive's "
                + "passphrase (default: --passphrase-file / $VOXPRINT_PASSPHRASE_FILE, then a prompt).")
        Path archivePassphraseFile;

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        int call(AppContext app) {
            PassphraseInput input = group.archivePassphrase(archivePassphraseFile);
            ImportResult r = app.archives().importFrom(file, archive -> input.read("Passphrase of the archive " + archive));
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
