package io.voxprint.store;

import java.util.List;
import java.util.Optional;

/**
 * Enrolled speakers and what belongs to each: enrollments (one per recording), photo, notes and the
 * audio kept for re-embedding. Names are found ignoring case and surrounding spaces; a name that is
 * not enrolled is refused with {@link StoreException.Kind#UNKNOWN_SPEAKER}.
 */
public interface SpeakerRecords {

    /** Adds a speaker; refuses a name already taken (ignoring case). */
    Speaker add(NewSpeaker speaker);

    /** Creates a speaker without recordings, created now; refuses a name already taken (ignoring case). */
    default Speaker create(String name, String notes, byte[] photoOrNull) {
        return add(NewSpeaker.now(name, notes, photoOrNull));
    }

    /** The speaker whose name equals {@code name} ignoring case and surrounding spaces. */
    Optional<Speaker> find(String name);

    /** Every speaker, by name ignoring case. */
    List<Speaker> list();

    /** Renames; a change of case or spacing of the same name is allowed, another speaker's name is not. */
    void rename(String oldName, String newName);

    /** Deletes the speaker with all enrollments, embeddings and kept audio (the audit log keeps its lines). */
    void delete(String name);

    /** Sets the photo (PNG or JPEG bytes); null removes it. */
    void setPhoto(String name, byte[] photo);

    Optional<byte[]> photo(String name);

    void setNotes(String name, String notes);

    /** Adds one recording's facts to a speaker (its embeddings go to {@link EmbeddingRecords#put}); returns its id. */
    long addEnrollment(long speakerId, EnrollmentDetails details);

    /** The speaker's recordings, oldest first. */
    List<Enrollment> enrollments(String speakerName);

    /** Keeps a recording's audio (16 kHz mono) so that it can be re-embedded after a model change. */
    void keepAudio(long enrollmentId, float[] samples);

    /** The kept audio of the speaker's recordings, oldest first (recordings without kept audio are left out). */
    List<KeptAudio> keptAudio(String speakerName);
}
