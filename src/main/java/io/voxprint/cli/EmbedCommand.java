package io.voxprint.cli;

import io.voxprint.common.UserMessage;
import io.voxprint.app.AppContext;
import io.voxprint.app.core.AudioSource;
import io.voxprint.app.inspect.Inspect;
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

    @Override
    public Integer call() {
        try (AppContext app = root.open()) {
            String modelSha = app.models().info().sha256();
            int failed = 0;
            for (Path file : files) {
                try {
                    Inspect.Embedded embedded = app.inspect().embed(AudioSource.file(file));
                    PreparedAudio audio = embedded.audio();
                    float[] embedding = embedded.embedding();
                    var line = Json.object();
                    line.put("file", file.toString());
                    line.put("sampleRate", audio.originalSampleRate());
                    line.put("seconds", audio.originalSeconds());
                    line.put("model", modelSha);
                    line.set("embedding", Json.floats(embedding));
                    Json.print(root.out, line);
                } catch (RuntimeException e) {
                    // One bad file must not stop the others: report it and go on.
                    failed++;
                    LOG.warn("embed failed for {}", file, e);
                    root.err.println("voxprint: " + UserMessage.of(e));
                }
            }
            return failed == 0 ? VoxprintCli.OK : VoxprintCli.PARTIAL;
        }
    }
}
