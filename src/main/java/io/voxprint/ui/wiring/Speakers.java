package io.voxprint.ui.wiring;

import io.voxprint.app.Voxprint;
import io.voxprint.store.Speaker;
import io.voxprint.ui.model.SpeakerSummary;
import java.util.List;
import java.util.Map;

/** Enrolled speakers as the lists show them; a speaker's id in the UI is their (unique) name. */
final class Speakers {
    private Speakers() {
    }

    static List<SpeakerSummary> list(Voxprint voxprint) {
        Map<String, byte[]> photos = voxprint.photos();
        return voxprint.speakers().stream().map(s -> summary(s, photos.get(s.name()))).toList();
    }

    static SpeakerSummary summary(Speaker s, byte[] photo) {
        return new SpeakerSummary(s.name(), s.name(), s.enrollmentCount(), s.created(), photo);
    }

    static SpeakerSummary named(Voxprint voxprint, String name) {
        return voxprint.speakers().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> summary(s, s.hasPhoto() ? voxprint.photo(s.name()).orElse(null) : null))
                .orElseThrow(() -> new IllegalStateException("Speaker " + name + " vanished after enrollment"));
    }
}
