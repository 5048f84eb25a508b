package io.voxprint.ui.wiring;

import io.voxprint.ui.values.SpeakerSummary;
import io.voxprint.ui.speakers.SpeakersActions;
import java.nio.file.Path;
import java.util.List;

/** Speakers view on the speakers use cases: list, rename, delete, archive export and import, re-enrollment list. */
final class SpeakersAdapter implements SpeakersActions {
    private final AppSession session;

    SpeakersAdapter(AppSession session) {
        this.session = session;
    }

    @Override
    public List<SpeakerSummary> listSpeakers() {
        return Speakers.list(session.app());
    }

    @Override
    public void rename(String speakerId, String newName) {
        session.app().speakers().rename(speakerId, newName);
    }

    @Override
    public void delete(String speakerId) {
        session.app().speakers().delete(speakerId);
    }

    @Override
    public int exportSpeakers(List<String> speakerIds, Path file) {
        session.app().archives().export(speakerIds, file);
        return speakerIds.size();
    }

    @Override
    public int importSpeakers(Path file) {
        return session.app().archives().importFrom(file).speakers().size();
    }

    @Override
    public List<String> speakersNeedingReEnrollment() {
        return session.app().reEnroll().speakersNeedingIt();
    }
}
