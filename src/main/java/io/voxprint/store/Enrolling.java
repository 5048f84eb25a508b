package io.voxprint.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An enrollment as one unit of work over the records, the same on every engine. */
final class Enrolling {

    private Enrolling() {
    }

    static Speaker enroll(VoiceprintStore store, String speakerName, List<NewEnrollment> takes, boolean createIfMissing,
            byte[] photoOrNull) {
        String name = Inputs.name(speakerName);
        if (takes == null || takes.isEmpty()) {
            throw Inputs.invalid("An enrollment of '" + name + "' needs at least one recording.");
        }
        for (int i = 0; i < takes.size(); i++) {
            Inputs.enrollment(takes.get(i), i);
        }
        byte[] photo = Inputs.photo(photoOrNull);
        Instant now = Instant.now();
        return store.inTransaction(tx -> {
            SpeakerRecords speakers = tx.speakers();
            Optional<Speaker> existing = speakers.find(name);
            Speaker speaker;
            if (existing.isEmpty()) {
                if (!createIfMissing) {
                    throw Inputs.unknownSpeaker(name);
                }
                speaker = speakers.add(new NewSpeaker(name, now, "", photo));
            } else {
                speaker = existing.get();
                if (photo != null) {
                    speakers.setPhoto(speaker.name(), photo);
                }
            }
            for (NewEnrollment take : takes) {
                long enrollmentId = speakers.addEnrollment(speaker.id(), new EnrollmentDetails(take.sourceName(),
                        take.seconds(), take.netSpeechSeconds(), take.clippingRatio(), take.snrDb(), now));
                tx.embeddings().put(enrollmentId, take.modelSha256(), take.embedding());
                if (take.keptAudio() != null) {
                    speakers.keepAudio(enrollmentId, take.keptAudio());
                }
            }
            return speakers.find(speaker.name()).orElseThrow();
        });
    }
}
