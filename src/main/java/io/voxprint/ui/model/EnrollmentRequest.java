package io.voxprint.ui.model;

import java.util.List;

/** What the Enroll view hands over on Save; {@code photoPng} may be null. */
public record EnrollmentRequest(String name, List<Take> takes, byte[] photoPng) {
    public EnrollmentRequest {
        takes = List.copyOf(takes);
    }
}
