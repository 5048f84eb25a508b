package io.voxprint.ui.values;

import java.time.Instant;

/** An enrolled speaker as lists show it; {@code photoPng} may be null. */
public record SpeakerSummary(String id, String name, int takes, Instant created, byte[] photoPng) {
    @Override
    public String toString() {
        return name;
    }
}
