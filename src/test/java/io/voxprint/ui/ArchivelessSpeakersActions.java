package io.voxprint.ui;

import io.voxprint.ui.speakers.SpeakersActions;
import java.nio.file.Path;
import java.util.List;

/**
 * Speakers actions for UI tests that list and delete but never rename or touch a real archive: an
 * export claims every speaker asked for, no archive is encrypted, an import adds nobody.
 */
interface ArchivelessSpeakersActions extends SpeakersActions {
    @Override
    default void rename(String speakerId, String newName) {
    }

    @Override
    default int exportSpeakers(List<String> speakerIds, Path file, char[] passphrase) {
        return speakerIds.size();
    }

    @Override
    default int exportSpeakersPlaintext(List<String> speakerIds, Path file) {
        return speakerIds.size();
    }

    @Override
    default boolean isEncryptedArchive(Path file) {
        return false;
    }

    @Override
    default int importSpeakers(Path file, char[] passphrase) {
        return 0;
    }
}
