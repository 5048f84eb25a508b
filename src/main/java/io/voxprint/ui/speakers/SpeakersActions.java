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

    /** @return how many speakers were written */
    int exportSpeakers(List<String> speakerIds, Path file) throws Exception;

    /** @return how many speakers were added */
    int importSpeakers(Path file) throws Exception;

    /** Names of speakers enrolled only with another model, who must be enrolled again to be recognised. */
    default List<String> speakersNeedingReEnrollment() throws Exception {
        return List.of();
    }
}
