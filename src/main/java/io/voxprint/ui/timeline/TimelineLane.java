package io.voxprint.ui.timeline;

/**
 * One voice's row on the timeline.
 *
 * @param key   the voice as the segments name it ({@code unknown-1}, or an enrolled name)
 * @param name  what the row shows and the exports write
 * @param known whether the voice is an enrolled speaker
 */
public record TimelineLane(String key, String name, boolean known) {

    /** The row for a voice first seen: its enrolled name, or "unknown N". */
    public static TimelineLane of(String key, boolean known) {
        return new TimelineLane(key, known ? key : key.replace('-', ' '), known);
    }

    TimelineLane named(String newName, boolean nowKnown) {
        return new TimelineLane(key, newName, nowKnown);
    }
}
