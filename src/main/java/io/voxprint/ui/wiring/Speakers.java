package io.voxprint.ui.wiring;

import io.voxprint.app.AppContext;
import io.voxprint.app.speakers.Speakers.Profile;
import io.voxprint.ui.values.SpeakerSummary;
import java.util.List;

/** Enrolled speakers as the lists show them; a speaker's id in the UI is their (unique) name. */
final class Speakers {
    private Speakers() {
    }

    static List<SpeakerSummary> list(AppContext app) {
        return app.speakers().profiles().stream().map(Speakers::summary).toList();
    }

    static SpeakerSummary named(AppContext app, String name) {
        return app.speakers().profile(name).map(Speakers::summary)
                .orElseThrow(() -> new IllegalStateException("Speaker " + name + " vanished after enrollment"));
    }

    private static SpeakerSummary summary(Profile p) {
        return new SpeakerSummary(p.speaker().name(), p.speaker().name(), p.speaker().enrollmentCount(),
                p.speaker().created(), p.photo());
    }
}
