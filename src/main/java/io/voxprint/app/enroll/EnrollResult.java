package io.voxprint.app.enroll;

import io.voxprint.audio.QualityReport;
import java.util.List;

/** What an enrollment did: the speaker's total number of enrollments and each take's quality. */
public record EnrollResult(String speaker, int enrollments, List<Take> takes) {
    public record Take(String source, QualityReport quality) {
    }
}
