package io.voxprint.ui.values;

/** One enrolment embedding on the speaker map. */
public record MapPoint(String speaker, double x, double y) {
}
