package io.voxprint.ui.timeline;

import io.voxprint.ui.common.Progress;
import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.values.TimelineSegment;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** What the Timeline view needs from the application; called off the FX thread. */
public interface TimelineActions {
    /** Lowest and highest sample of every 1/{@code bucketsPerSecond} s, interleaved (16 kHz audio). */
    float[] outline(Path file, int bucketsPerSecond) throws Exception;

    /**
     * Who spoke when with every enrolled speaker: each segment goes to {@code segment} as soon as it
     * is final (on the calling thread), progress as the part of {@code seconds} (the recording's
     * length) done; returns them all in time order. Stops with a cancellation once {@code progress} says so.
     */
    List<TimelineSegment> diarize(Path file, double seconds, Consumer<TimelineSegment> segment, Progress progress)
            throws Exception;

    /** Plays the segment's stretch of the recording; returns when it has been played. */
    void play(Path file, TimelineSegment segment) throws Exception;

    /** Enrolls {@code name} with the audio of {@code segments} (all of one voice). */
    SpeakerSummary enroll(String name, Path file, List<TimelineSegment> segments, Progress progress) throws Exception;

    /** Writes standard RTTM, one SPEAKER line per segment, with the names given by {@code names}. */
    void exportRttm(Path target, Path recording, List<TimelineSegment> segments, java.util.Map<String, String> names)
            throws Exception;
}
