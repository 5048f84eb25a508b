package io.voxprint.ui.speakers;

import io.voxprint.ui.values.SpeakerSummary;
import java.nio.file.Path;
import java.util.List;

/** What the Speakers view needs from the application; called off the FX thread. */
public interface SpeakersActions {
    List<SpeakerSummary> listSpeakers() throws Exception;

    void rename(String speakerId, String newName) throws Exception;

    /** Deletes the speaker with their takes and embeddings (the view has already asked the user). */
    void delete(String speakerId) throws Exception;

    /** Writes an archive encrypted with {@code passphrase} (the caller zeroes it). @return how many speakers were written */
    int exportSpeakers(List<String> speakerIds, Path file, char[] passphrase) throws Exception;

    /** Writes a plaintext archive, which the user chose knowing {@link #plaintextWarning()}. @return how many speakers */
    int exportSpeakersPlaintext(List<String> speakerIds, Path file) throws Exception;

    /** One sentence: what a plaintext archive exposes. */
    default String plaintextWarning() {
        return "A plaintext archive exposes the exported speakers' voiceprints to anyone who can read the file.";
    }

    /** Whether the archive is encrypted, so its passphrase is asked before importing. */
    boolean isEncryptedArchive(Path file) throws Exception;

    /**
     * Imports a plain archive ({@code passphrase} null) or an encrypted one; a wrong passphrase or a
     * damaged file adds nobody. @return how many speakers were added
     */
    int importSpeakers(Path file, char[] passphrase) throws Exception;

    /** Names of speakers enrolled only with another model, who must be enrolled again to be recognised. */
    default List<String> speakersNeedingReEnrollment() throws Exception {
        return List.of();
    }
}
