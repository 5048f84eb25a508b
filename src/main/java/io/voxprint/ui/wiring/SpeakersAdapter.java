package io.voxprint.ui.wiring;

import io.voxprint.app.speakers.SpeakerArchives;
import io.voxprint.store.ArchivePassphrase;
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
    public int exportSpeakers(List<String> speakerIds, Path file, char[] passphrase) {
        session.app().archives().export(speakerIds, file, passphrase);
        return speakerIds.size();
    }

    @Override
    public int exportSpeakersPlaintext(List<String> speakerIds, Path file) {
        session.app().archives().exportPlaintext(speakerIds, file);
        return speakerIds.size();
    }

    @Override
    public String plaintextWarning() {
        return SpeakerArchives.PLAINTEXT_ARCHIVE;
    }

    @Override
    public boolean isEncryptedArchive(Path file) {
        return session.app().archives().isEncrypted(file);
    }

    @Override
    public int importSpeakers(Path file, char[] passphrase) {
        // The reader zeroes what it is given, so it gets a copy; the view model zeroes its own.
        ArchivePassphrase given = passphrase == null ? ArchivePassphrase.none() : archive -> passphrase.clone();
        return session.app().archives().importFrom(file, given).speakers().size();
    }

    @Override
    public List<String> speakersNeedingReEnrollment() {
        return session.app().reEnroll().speakersNeedingIt();
    }
}
