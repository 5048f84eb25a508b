package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.FilePipeline;
import io.voxprint.common.UserMessage;
import io.voxprint.audio.PreparedAudio;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "embed", description = "Print the speaker embedding of each file as one JSON line.")
final class EmbedCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbedCommand.class);

    @ParentCommand
    VoxprintCli root;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files (WAV, FLAC, Ogg Vorbis, MP3).")
    List<Path> files;

    private record Decoded(Path file, PreparedAudio audio) {
    }

    @Override
    public Integer call() {
        try (AppContext app = root.openWithModel()) {
            // the first file decodes while the model loads, the next ones while the model embeds
            var outcomes = FilePipeline.run(files, file -> new Decoded(file, app.inspect().decode(AudioSource.file(file))), decoded -> {
                requireModel(app);
                float[] embedding = app.inspect().embed(decoded.audio());
                print(app, decoded, embedding); // as soon as it is known: a long batch shows results as it goes
                return embedding;
            }, new FileProgress(root.err, "Embedding"));
            int failed = 0;
            for (var outcome : outcomes) {
                if (!outcome.ok()) {
                    // One bad file must not stop the others: report it and go on.
                    failed++;
                    LOG.warn("embed failed for {}", outcome.input(), outcome.failure());
                    root.err.println("voxprint: " + UserMessage.of(outcome.failure()));
                }
            }
            return failed == 0 ? VoxprintCli.OK : VoxprintCli.PARTIAL;
        }
    }

    /** A model that cannot be loaded fails the command, not one file after the other. */
    private static void requireModel(AppContext app) {
        try {
            app.models().model();
        } catch (RuntimeException e) {
            throw new FilePipeline.Stop(e);
        }
    }

    private void print(AppContext app, Decoded decoded, float[] embedding) {
        var line = Json.object();
        line.put("file", decoded.file().toString());
        line.put("sampleRate", decoded.audio().originalSampleRate());
        line.put("seconds", decoded.audio().originalSeconds());
        line.put("model", app.models().info().sha256());
        line.set("embedding", Json.floats(embedding));
        Json.print(root.out, line);
    }
}
