package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.app.enroll.EnrollResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "enroll", description = "Enroll a speaker (or add recordings to one) from audio files, all or nothing.")
final class EnrollCommand implements Callable<Integer> {
    @ParentCommand
    VoxprintCli root;

    @Option(names = "--name", required = true, description = "Speaker's display name.")
    String name;

    @Option(names = "--force", description = "Enroll recordings even when they are too short or poor.")
    boolean force;

    @Option(names = "--keep-audio", description = "Keep the audio in the database (allows re-enrollment after a model change).")
    boolean keepAudio;

    @Option(names = "--photo", paramLabel = "FILE", description = "A PNG or JPEG photo of the speaker.")
    Path photo;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        byte[] photoBytes = photo == null ? null : readPhoto(photo);
        try (AppContext app = root.openWithModel(ScoringOptions.defaults().withKeepAudio(keepAudio))) {
            List<AudioSource> takes = files.stream().map(AudioSource::file).toList();
            EnrollResult result = app.enroll().enroll(name, takes, force, photoBytes, new FileProgress(root.err, "Enrolling"));
            for (EnrollResult.Take t : result.takes()) {
                for (String problem : t.quality().problems()) {
                    root.err.println("voxprint: warning: " + t.source() + ": " + problem);
                }
            }
            var line = Json.object();
            line.put("speaker", result.speaker());
            line.put("enrollments", result.enrollments());
            Json.print(root.out, line);
            return VoxprintCli.OK;
        }
    }

    private static byte[] readPhoto(Path photo) throws IOException {
        if (!Files.isRegularFile(photo)) {
            throw new VoxprintException("The photo '" + photo + "' does not exist.");
        }
        return Files.readAllBytes(photo);
    }
}
