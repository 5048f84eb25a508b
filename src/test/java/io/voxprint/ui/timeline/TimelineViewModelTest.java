package io.voxprint.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxprint.ui.RecordingDialogService;
import io.voxprint.ui.common.HeldTaskRunner;
import io.voxprint.ui.common.Progress;
import io.voxprint.ui.common.SameThreadTaskRunner;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.TimelineSegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Timeline view model on one thread, without the toolkit. */
class TimelineViewModelTest {
    private static final Path RECORDING = Path.of("meeting.wav");
    private static final List<TimelineSegment> SEGMENTS = List.of(
            new TimelineSegment(0.5, 3.0, "unknown-1", false, 0.12),
            new TimelineSegment(3.2, 6.0, "anna", true, 0.71),
            new TimelineSegment(6.1, 7.0, "unknown-2", false, 0.05),
            new TimelineSegment(7.5, 9.5, "unknown-1", false, 0.18));
    @TempDir
    Path dir;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final Fake actions = new Fake();
    private final TimelineViewModel vm = new TimelineViewModel(actions, new SameThreadTaskRunner(dialogs), dialogs);

    private static final class Fake implements TimelineActions {
        final List<Integer> lanesSeenPerSegment = new ArrayList<>();
        final List<TimelineSegment> enrolledFrom = new ArrayList<>();
        TimelineViewModel vm;
        double progressSeen = Double.NaN;

        @Override
        public float[] outline(Path file, int bucketsPerSecond) {
            return new float[2 * 10 * bucketsPerSecond]; // 10 s
        }

        @Override
        public List<TimelineSegment> diarize(Path file, double seconds, Consumer<TimelineSegment> segment, Progress p) {
            assertEquals(10.0, seconds, 1e-9, "the length comes from the outline");
            for (TimelineSegment s : SEGMENTS) {
                segment.accept(s);
                lanesSeenPerSegment.add(vm.lanes().size());
                p.update(s.end() / seconds);
            }
            progressSeen = vm.progressProperty().get();
            return SEGMENTS;
        }

        @Override
        public void play(Path file, TimelineSegment segment) {
        }

        @Override
        public SpeakerSummary enroll(String name, Path file, List<TimelineSegment> segments, Progress p) {
            enrolledFrom.addAll(segments);
            return new SpeakerSummary(name, name, 3, Instant.EPOCH, null);
        }

        @Override
        public void exportRttm(Path target, Path recording, List<TimelineSegment> segments, Map<String, String> names) {
        }
    }

    private void openRecording() {
        actions.vm = vm;
        dialogs.fileAnswers.add(RECORDING);
        vm.open();
    }

    @Test
    void lanesFillInAsSegmentsArriveInTheOrderVoicesAreHeard() {
        openRecording();
        assertEquals(List.of(1, 2, 3, 3), actions.lanesSeenPerSegment, "each new voice's lane appears with its first segment");
        assertEquals(9.5 / 10, actions.progressSeen, 1e-9);
        assertEquals(10.0, vm.secondsProperty().get(), 1e-9);
        assertEquals(SEGMENTS, vm.segments());
        assertEquals(List.of("unknown 1", "anna", "unknown 2"), vm.lanes().stream().map(TimelineLane::name).toList());
        assertEquals("4 segments, 3 voices (2 nobody enrolled).", vm.statusProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aRenamedVoiceIsWrittenUnderItsNewNameInTheCsv() throws Exception {
        openRecording();
        vm.selectedLaneProperty().set(vm.lane("unknown-2"));
        vm.rename("  Interviewer, second ");
        Path csv = dir.resolve("out.csv");
        dialogs.fileAnswers.add(csv);
        vm.exportCsv();
        assertEquals(List.of("start,end,speaker,known,score",
                "0.500,3.000,unknown 1,false,0.120",
                "3.200,6.000,anna,true,0.710",
                "6.100,7.000,\"Interviewer, second\",false,0.050",
                "7.500,9.500,unknown 1,false,0.180"), Files.readAllLines(csv));
    }

    @Test
    void enrollingAnUnknownVoiceUsesOnlyItsSegmentsAndMakesItKnown() {
        openRecording();
        vm.play(SEGMENTS.get(3));
        assertEquals("unknown-1", vm.selectedLaneProperty().get().key(), "playing a segment selects its voice");
        assertNull(vm.playingProperty().get(), "playback is over");
        vm.enrollSelected("Dana");
        assertEquals(List.of(SEGMENTS.get(0), SEGMENTS.get(3)), actions.enrolledFrom);
        assertEquals(new TimelineLane("unknown-1", "Dana", true), vm.lane("unknown-1"));
        assertEquals("Dana is enrolled from 2 segments of this recording.", vm.statusProperty().get());
    }

    @Test
    void anEnrolledVoiceIsNotEnrolledAgain() {
        openRecording();
        vm.selectedLaneProperty().set(vm.lane("anna"));
        vm.enrollSelected("Anna again");
        assertTrue(actions.enrolledFrom.isEmpty());
        assertEquals("Choose an unknown voice and type its name first.", vm.statusProperty().get());
    }

    @Test
    void cancelReturnsToIdleAtOnce() {
        HeldTaskRunner held = new HeldTaskRunner();
        TimelineViewModel waiting = new TimelineViewModel(actions, held, dialogs);
        actions.vm = waiting;
        waiting.open(RECORDING);
        assertTrue(waiting.cancellableProperty().get(), "the work runs");
        waiting.cancel();
        assertFalse(waiting.busyProperty().get());
        assertEquals("Cancelled.", waiting.statusProperty().get());
    }
}
