package io.voxprint.ui.values;

import java.util.List;

/**
 * What the Enroll view hands over on Save; {@code photoPng} may be null. {@code force} is the user's
 * "use anyway": takes below the quality minimum are enrolled instead of refused.
 */
public record EnrollmentRequest(String name, List<Take> takes, byte[] photoPng, boolean force) {
    public EnrollmentRequest {
        takes = List.copyOf(takes);
    }
}
