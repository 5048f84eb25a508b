package io.voxprint.ui;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.timeline.TimelineActions;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.TimelineSegment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/** A made-up 90 s conversation of two enrolled speakers and two unknown voices, for screenshots. */
final class DemoTimeline implements TimelineActions {
    static final double SECONDS = 90;
    static final List<TimelineSegment> SEGMENTS = segments();

    private static List<TimelineSegment> segments() {
        String[] who = {"Anna Lindqvist", "Ben Okafor", "unknown-1", "Anna Lindqvist", "unknown-2", "Ben Okafor",
            "unknown-1", "Anna Lindqvist", "unknown-1", "Ben Okafor", "unknown-2", "Anna Lindqvist"};
        double[] length = {6.2, 4.1, 8.3, 3.0, 5.4, 7.7, 2.6, 9.1, 6.0, 4.4, 3.9, 7.5};
        List<TimelineSegment> out = new ArrayList<>();
        double t = 1.0;
        for (int i = 0; i < who.length; i++) {
            boolean known = !who[i].startsWith("unknown");
            out.add(new TimelineSegment(t, t + length[i], who[i], known, known ? 0.62 : 0.21));
            t += length[i] + 0.6;
        }
        return List.copyOf(out);
    }

    @Override
    public float[] outline(Path file, int bucketsPerSecond) {
        Random r = new Random(12);
        int n = (int) (SECONDS * bucketsPerSecond);
        float[] pairs = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) bucketsPerSecond;
            boolean speech = SEGMENTS.stream().anyMatch(s -> s.start() <= t && t < s.end());
            double level = speech ? 0.25 + 0.45 * Math.abs(Math.sin(t * 3.1)) * r.nextDouble() : 0.02 * r.nextDouble();
            pairs[2 * i] = (float) -level;
            pairs[2 * i + 1] = (float) level;
        }
        return pairs;
    }

    @Override
    public List<TimelineSegment> diarize(Path file, double seconds, Consumer<TimelineSegment> segment, Progress progress) {
        for (TimelineSegment s : SEGMENTS) {
            segment.accept(s);
            progress.update(s.end() / seconds);
        }
        return SEGMENTS;
    }

    @Override
    public void play(Path file, TimelineSegment segment) {
    }

    @Override
    public SpeakerSummary enroll(String name, Path file, List<TimelineSegment> segments, Progress progress) {
        return new SpeakerSummary(name, name, Math.min(3, segments.size()), Instant.now(), null);
    }

    @Override
    public void exportRttm(Path target, Path recording, List<TimelineSegment> segments, Map<String, String> names) {
    }
}
