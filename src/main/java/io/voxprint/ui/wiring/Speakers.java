package io.voxprint.ui.wiring;

import io.voxprint.app.Voxprint;
import io.voxprint.store.Speaker;
import io.voxprint.ui.values.SpeakerSummary;
import java.util.List;

/** Enrolled speakers as the lists show them; a speaker's id in the UI is their (unique) name. */
final class Speakers {
    private Speakers() {
    }

    static List<SpeakerSummary> list(Voxprint voxprint) {
        return voxprint.speakers().stream().map(s -> summary(voxprint, s)).toList();
    }

    static SpeakerSummary summary(Voxprint voxprint, Speaker s) {
        byte[] photo = s.hasPhoto() ? voxprint.photo(s.name()).orElse(null) : null;
        return new SpeakerSummary(s.name(), s.name(), s.enrollmentCount(), s.created(), photo);
    }

    static SpeakerSummary named(Voxprint voxprint, String name) {
        return voxprint.speakers().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(s -> summary(voxprint, s))
                .orElseThrow(() -> new IllegalStateException("Speaker " + name + " vanished after enrollment"));
    }
}
