package io.voxprint.cli;

import io.voxprint.app.AppContext;
import io.voxprint.app.core.ScoringOptions;
import io.voxprint.app.diarize.Diarization;
import io.voxprint.app.diarize.DiarizationListener;
import io.voxprint.app.diarize.DiarizationSettings;
import io.voxprint.app.diarize.DiarizedSegment;
import io.voxprint.scoring.Rttm;
import io.voxprint.scoring.SpeakerSegment;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "diarize", description = "Who spoke when: find the enrolled speakers in a long recording;"
        + " voices nobody enrolled are unknown-1, unknown-2... One JSON object per segment, in time order.")
final class DiarizeCommand implements Callable<Integer> {
    /** A progress line on stderr every this many seconds of audio. */
    private static final double PROGRESS_EVERY_SECONDS = 60;

    @ParentCommand
    VoxprintCli root;

    // One value per option (repeat it, or separate names by commas): a list that swallows every
    // following word would take the file for a name.
    @Option(names = "--speakers", split = ",", paramLabel = "NAME",
            description = "Look for these enrolled speakers only: --speakers A,B or --speakers A --speakers B"
                    + " (default: every speaker enrolled with the model in use).")
    List<String> speakers = new ArrayList<>();

    @Option(names = "--rttm", paramLabel = "OUT.rttm", description = "Also write the segments as NIST RTTM.")
    Path rttm;

    @Option(names = "--threshold", description = "Score a stretch needs to be given an enrolled speaker"
            + " (default: calibrated EER threshold, else 0.35; lowered for stretches under 4 s).")
    Double threshold;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws IOException {
        try (AppContext app = root.openWithModel(ScoringOptions.defaults().withThreshold(threshold))) {
            var diarizer = app.diarize().diarizer(speakers, DiarizationSettings.defaults());
            String name = file.toString();
            double[] nextProgress = {PROGRESS_EVERY_SECONDS};
            Diarization result = diarizer.run(file, new DiarizationListener() {
                @Override
                public void segment(DiarizedSegment s) {
                    var line = Json.object();
                    line.put("file", name);
                    line.put("start", round(s.start()));
                    line.put("end", round(s.end()));
                    line.put("speaker", s.speaker());
                    line.put("known", s.known());
                    line.put("score", s.score());
                    Json.print(root.out, line);
                }

                @Override
                public void progress(double seconds, double total) {
                    if (seconds >= nextProgress[0]) {
                        nextProgress[0] += PROGRESS_EVERY_SECONDS;
                        root.err.printf(Locale.ROOT, "voxprint: diarizing %s: %.0f s of audio done%n", file.getFileName(), seconds);
                    }
                }
            }, () -> false);
            long voices = result.segments().stream().map(DiarizedSegment::speaker).distinct().count();
            root.err.printf(Locale.ROOT, "voxprint: %s: %.1f s, %d segments, %d voices%n", file.getFileName(),
                    result.seconds(), result.segments().size(), voices);
            if (rttm != null) {
                writeRttm(result);
            }
            return VoxprintCli.OK;
        }
    }

    private void writeRttm(Diarization result) throws IOException {
        String id = Rttm.fileId(stem(file.getFileName().toString()));
        List<SpeakerSegment> segments = new ArrayList<>();
        for (DiarizedSegment s : result.segments()) {
            segments.add(new SpeakerSegment(s.start(), s.end(), s.speaker()));
        }
        Path tmp = rttm.resolveSibling(rttm.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            Rttm.write(w, id, segments);
        }
        Files.move(tmp, rttm, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
