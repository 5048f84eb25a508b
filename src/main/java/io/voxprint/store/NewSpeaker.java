package io.voxprint.store;

import java.time.Instant;

/** A speaker to add: its name as given, when it was created, notes and an optional photo (PNG or JPEG bytes). */
public record NewSpeaker(String name, Instant created, String notes, byte[] photo) {

    public static NewSpeaker now(String name, String notes, byte[] photoOrNull) {
        return new NewSpeaker(name, Instant.now(), notes, photoOrNull);
    }
}
