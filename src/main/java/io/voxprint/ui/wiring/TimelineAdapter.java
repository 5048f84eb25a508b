package io.voxprint.ui.wiring;

import io.voxprint.app.core.AudioSource;
import io.voxprint.app.diarize.DiarizationListener;
import io.voxprint.app.diarize.DiarizationSettings;
import io.voxprint.app.diarize.DiarizedSegment;
import io.voxprint.app.diarize.RecordingExcerpts;
import io.voxprint.app.enroll.EnrollResult;
import io.voxprint.audio.AudioLoader;
import io.voxprint.audio.capture.CapturedAudio;
import io.voxprint.audio.capture.SoundDevices;
import io.voxprint.scoring.Rttm;
import io.voxprint.scoring.SpeakerSegment;
import io.voxprint.ui.common.ExportException;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.timeline.TimelineActions;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.TimelineSegment;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Timeline view on the who-spoke-when use case, the enroll use case and the sound system's playback. */
final class TimelineAdapter implements TimelineActions {
    /** Enough of a voice for a voiceprint, split like an enrollment of three takes. */
    static final double ENROLL_SECONDS = 60;
    static final int ENROLL_TAKES = 3;
    private final AppSession session;
    private final SoundDevices sound;
    private final RecordingExcerpts excerpts = new RecordingExcerpts();

    TimelineAdapter(AppSession session, SoundDevices sound) {
        this.session = session;
        this.sound = sound;
    }

    @Override
    public float[] outline(Path file, int bucketsPerSecond) {
        return excerpts.outline(file, bucketsPerSecond);
    }

    @Override
    public List<TimelineSegment> diarize(Path file, double seconds, Consumer<TimelineSegment> segment, Progress progress) {
        progress.message("Finding who speaks when...");
        var run = session.app().diarize().diarizer(List.of(), DiarizationSettings.defaults()).run(file,
                new DiarizationListener() {
                    @Override
                    public void segment(DiarizedSegment s) {
                        segment.accept(value(s));
                    }

                    @Override
                    public void progress(double done, double total) {
                        double length = total > 0 ? total : seconds;
                        progress.update(length > 0 ? Math.min(1, done / length) : -1);
                    }
                }, progress::isCancelled);
        return run.segments().stream().map(TimelineAdapter::value).toList();
    }

    private static TimelineSegment value(DiarizedSegment s) {
        return new TimelineSegment(s.start(), s.end(), s.speaker(), s.known(), s.score());
    }

    @Override
    public void play(Path file, TimelineSegment segment) throws Exception {
        float[] samples = excerpts.samples(file, segment.start(), segment.end());
        sound.stopPlayback();
        sound.play(new CapturedAudio(samples, AudioLoader.MODEL_SAMPLE_RATE));
    }

    @Override
    public SpeakerSummary enroll(String name, Path file, List<TimelineSegment> segments, Progress progress) {
        progress.update(-1);
        progress.message("Computing the voice prints...");
        List<TimelineSegment> longest = new ArrayList<>(segments);
        longest.sort(Comparator.comparingDouble(TimelineSegment::duration).reversed());
        List<double[]> chosen = new ArrayList<>();
        double total = 0;
        for (TimelineSegment s : longest) {
            if (total >= ENROLL_SECONDS) {
                break;
            }
            chosen.add(new double[] {s.start(), s.end()});
            total += s.duration();
        }
        List<float[]> audio = excerpts.samples(file, chosen);
        int takes = Math.min(ENROLL_TAKES, audio.size());
        List<AudioSource> sources = new ArrayList<>(takes);
        for (int t = 0; t < takes; t++) {
            List<float[]> parts = new ArrayList<>();
            for (int i = t; i < audio.size(); i += takes) {
                parts.add(audio.get(i));
            }
            sources.add(AudioSource.samples(file.getFileName() + " (" + name + ", part " + (t + 1) + ")", concat(parts),
                    AudioLoader.MODEL_SAMPLE_RATE));
        }
        // The stretches hold only this voice's speech, so the quality gate's noise estimate (made on
        // the pauses of a take) has nothing to measure: the diarization already chose the speech.
        EnrollResult result = session.app().enroll().enroll(name, sources, true, null);
        return Speakers.named(session.app(), result.speaker());
    }

    private static float[] concat(List<float[]> parts) {
        float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Override
    public void exportRttm(Path target, Path recording, List<TimelineSegment> segments, Map<String, String> names)
            throws ExportException {
        String name = recording.getFileName().toString();
        String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        List<SpeakerSegment> out = segments.stream()
                .map(s -> new SpeakerSegment(s.start(), s.end(), names.getOrDefault(s.speaker(), s.speaker()))).toList();
        try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            Rttm.write(w, id, out);
        } catch (IOException e) {
            throw new ExportException("The timeline could not be saved to " + target + ".", e);
        }
    }
}
