package io.voxprint.ui.timeline;

import io.voxprint.ui.common.CsvExport;
import io.voxprint.ui.common.DialogService;
import io.voxprint.ui.common.FileType;
import io.voxprint.ui.common.TaskRunner;
import io.voxprint.ui.common.TaskViewModel;
import io.voxprint.ui.common.Tasks;
import io.voxprint.ui.values.TimelineSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Who spoke when in one long recording: the outline and the segments fill in while the work runs
 * (one lane per voice, in the order the voices are first heard); a segment plays on request; an
 * unknown voice can be renamed or enrolled from its segments; the timeline exports as RTTM or CSV.
 */
public final class TimelineViewModel extends TaskViewModel {
    static final FileType RTTM = new FileType("RTTM files", List.of("*.rttm"));
    /** Outline resolution: 100 min/max pairs per second, as the waveform draws live audio. */
    static final int OUTLINE_BUCKETS_PER_SECOND = 100;
    private final TimelineActions actions;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final DoubleProperty seconds = new SimpleDoubleProperty(this, "seconds", 0);
    private final ObjectProperty<float[]> outline = new SimpleObjectProperty<>(this, "outline");
    private final ObservableList<TimelineSegment> segments = FXCollections.observableArrayList();
    private final ObservableList<TimelineLane> lanes = FXCollections.observableArrayList();
    private final ObjectProperty<TimelineLane> selectedLane = new SimpleObjectProperty<>(this, "selectedLane");
    private final ObjectProperty<TimelineSegment> playing = new SimpleObjectProperty<>(this, "playing");

    public TimelineViewModel(TimelineActions actions, TaskRunner runner, DialogService dialogs) {
        super(runner, dialogs, "Open or drop a recording to see who speaks when.");
        this.actions = actions;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The recording's length; 0 until its outline is known. */
    public DoubleProperty secondsProperty() {
        return seconds;
    }

    /** Interleaved min/max pairs, {@link #OUTLINE_BUCKETS_PER_SECOND} per second; null until known. */
    public ObjectProperty<float[]> outlineProperty() {
        return outline;
    }

    public ObservableList<TimelineSegment> segments() {
        return segments;
    }

    public ObservableList<TimelineLane> lanes() {
        return lanes;
    }

    public ObjectProperty<TimelineLane> selectedLaneProperty() {
        return selectedLane;
    }

    /** The segment being played; null when none. */
    public ObjectProperty<TimelineSegment> playingProperty() {
        return playing;
    }

    public void open() {
        dialogs.chooseFileToOpen("Open a recording", List.of(FileType.AUDIO, FileType.ANY)).ifPresent(this::open);
    }

    /** Starts over on {@code recording}: outline first, then the segments as they come. */
    public void open(Path recording) {
        cancel();
        file.set(recording);
        seconds.set(0);
        outline.set(null);
        segments.clear();
        lanes.clear();
        selectedLane.set(null);
        statusProperty().set("Reading " + recording.getFileName() + "...");
        track(Tasks.create(p -> {
            float[] pairs = actions.outline(recording, OUTLINE_BUCKETS_PER_SECOND);
            double length = pairs.length / 2.0 / OUTLINE_BUCKETS_PER_SECOND;
            p.publish(() -> showOutline(pairs, length));
            p.update(0);
            return actions.diarize(recording, length, s -> p.publish(() -> add(s)), p);
        }).onSuccess(this::finished));
    }

    private void showOutline(float[] pairs, double length) {
        outline.set(pairs);
        seconds.set(length);
        statusProperty().set("Finding who speaks when...");
    }

    private void add(TimelineSegment s) {
        segments.add(s);
        if (lanes.stream().noneMatch(l -> l.key().equals(s.speaker()))) {
            lanes.add(TimelineLane.of(s.speaker(), s.known()));
        }
    }

    private void finished(List<TimelineSegment> all) {
        // The listener delivered the same segments; the final list is the one of record.
        segments.setAll(all);
        all.forEach(s -> {
            if (lanes.stream().noneMatch(l -> l.key().equals(s.speaker()))) {
                lanes.add(TimelineLane.of(s.speaker(), s.known()));
            }
        });
        long unknown = lanes.stream().filter(l -> !l.known()).count();
        statusProperty().set(String.format(Locale.ROOT, "%d segments, %d voices (%d nobody enrolled).",
                all.size(), lanes.size(), unknown));
    }

    /** Plays one segment (in the background); the FX thread never waits for the sound. */
    public void play(TimelineSegment segment) {
        Path recording = file.get();
        if (recording == null) {
            return;
        }
        selectedLane.set(lane(segment.speaker()));
        playing.set(segment);
        Tasks.run(p -> actions.play(recording, segment))
                .onError(Exception.class, dialogs::showError)
                .andFinally(() -> {
                    if (playing.get() == segment) {
                        playing.set(null);
                    }
                })
                .runOn(runner);
    }

    /** Gives the selected voice another name on this timeline (and in its exports). */
    public void rename(String name) {
        TimelineLane lane = selectedLane.get();
        String clean = name == null ? "" : name.strip();
        if (lane == null || clean.isEmpty()) {
            statusProperty().set("Choose a voice and type its name first.");
            return;
        }
        replace(lane, lane.named(clean, lane.known()));
    }

    /** Enrolls the selected unknown voice as {@code name} from all of its segments. */
    public void enrollSelected(String name) {
        TimelineLane lane = selectedLane.get();
        String clean = name == null ? "" : name.strip();
        if (lane == null || lane.known() || clean.isEmpty()) {
            statusProperty().set("Choose an unknown voice and type its name first.");
            return;
        }
        List<TimelineSegment> own = segments.stream().filter(s -> s.speaker().equals(lane.key())).toList();
        Path recording = file.get();
        statusProperty().set("Enrolling " + clean + " from " + own.size() + " segments...");
        track(Tasks.create(p -> actions.enroll(clean, recording, own, p)).onSuccess(speaker -> {
            replace(lane, lane.named(speaker.name(), true));
            statusProperty().set(speaker.name() + " is enrolled from " + own.size() + " segments of this recording.");
        }));
    }

    private void replace(TimelineLane old, TimelineLane now) {
        int i = lanes.indexOf(old);
        if (i >= 0) {
            lanes.set(i, now);
        }
        selectedLane.set(now);
    }

    public TimelineLane lane(String key) {
        return lanes.stream().filter(l -> l.key().equals(key)).findFirst().orElse(null);
    }

    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        lanes.forEach(l -> names.put(l.key(), l.name()));
        return names;
    }

    public void exportRttm() {
        Path recording = file.get();
        if (recording == null || segments.isEmpty()) {
            statusProperty().set("Open a recording first: there is nothing to export yet.");
            return;
        }
        List<TimelineSegment> all = List.copyOf(segments);
        Map<String, String> names = names();
        dialogs.chooseFileToSave("Export the timeline as RTTM", baseName(recording) + ".rttm", List.of(RTTM))
                .ifPresent(target -> runBusy(Tasks.run(p -> actions.exportRttm(target, recording, all, names))
                        .onSuccess(v -> statusProperty().set("Saved " + target.getFileName() + "."))));
    }

    public void exportCsv() {
        Path recording = file.get();
        if (recording == null || segments.isEmpty()) {
            statusProperty().set("Open a recording first: there is nothing to export yet.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, String> names = names();
        for (TimelineSegment s : segments) {
            TimelineLane lane = lane(s.speaker());
            rows.add(List.of(number(s.start()), number(s.end()), names.getOrDefault(s.speaker(), s.speaker()),
                    Boolean.toString(lane == null ? s.known() : lane.known()), number(s.score())));
        }
        dialogs.chooseFileToSave("Export the timeline as CSV", baseName(recording) + ".csv", List.of(FileType.CSV))
                .ifPresent(target -> runBusy(Tasks.run(p -> CsvExport.writeRows(target,
                        List.of("start", "end", "speaker", "known", "score"), rows))
                        .onSuccess(v -> statusProperty().set("Saved " + target.getFileName() + "."))));
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String baseName(Path recording) {
        String name = recording.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
