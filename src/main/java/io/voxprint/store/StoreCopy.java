package io.voxprint.store;

import io.voxprint.store.StoreException.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies every speaker with everything it owns (notes, photo, every recording with its quality
 * figures, every model's embedding, kept audio) from one store to another, whatever their engines:
 * one transaction per speaker, so an interrupted copy leaves whole speakers only and is resumed by
 * running it again (a speaker already copied is recognised by its content and skipped). A speaker of
 * the target with the same name (ignoring case) but other content refuses the whole copy before
 * anything is written, as an archive import does. The audit log and the embedding cache stay where
 * they are: they are the source desk's history, not the speakers'.
 */
public final class StoreCopy {

    /** Names copied now and names found already copied, in the source's order. */
    public record Result(List<String> copied, List<String> alreadyThere) {
    }

    private StoreCopy() {
    }

    public static Result copy(VoiceprintStore from, VoiceprintStore to, Consumer<String> copiedOne) {
        List<Speaker> speakers = from.speakers().list();
        Map<String, Boolean> present = new HashMap<>();
        for (Speaker s : speakers) {
            SpeakerContent mine = SpeakerContent.read(from, s.name());
            to.speakers().find(s.name()).ifPresent(theirs -> {
                SpeakerContent other = SpeakerContent.read(to, theirs.name());
                if (!mine.sameAs(other)) {
                    throw new StoreException(Kind.DUPLICATE_NAME, "The target " + to.location() + " already holds a speaker named '"
                            + theirs.name() + "' who is not the copy of '" + s.name() + "'; nothing was copied (rename one of them first).");
                }
                present.put(s.name(), true);
            });
        }
        List<String> copied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Speaker s : speakers) {
            if (present.containsKey(s.name())) {
                skipped.add(s.name());
                continue;
            }
            SpeakerContent content = SpeakerContent.read(from, s.name());
            to.inTransaction(tx -> {
                content.writeTo(tx);
                return null;
            });
            copied.add(s.name());
            copiedOne.accept(s.name());
        }
        return new Result(List.copyOf(copied), List.copyOf(skipped));
    }

    /** One speaker and all it owns, read in one snapshot. */
    record SpeakerContent(String name, Instant created, String notes, byte[] photo, List<Take> takes) {

        record Take(EnrollmentDetails details, List<StoredEmbedding> embeddings, float[] keptAudio) {
        }

        static SpeakerContent read(VoiceprintStore store, String name) {
            return store.inReadTransaction(tx -> {
                Speaker s = tx.speakers().find(name).orElseThrow(() -> Inputs.unknownSpeaker(name));
                byte[] photo = s.hasPhoto() ? tx.speakers().photo(s.name()).orElse(null) : null;
                Map<Long, List<StoredEmbedding>> embeddings = new HashMap<>();
                for (StoredEmbedding m : tx.embeddings().allOfSpeaker(s.name())) {
                    embeddings.computeIfAbsent(m.enrollmentId(), k -> new ArrayList<>()).add(m);
                }
                Map<Long, float[]> audio = new HashMap<>();
                for (KeptAudio a : tx.speakers().keptAudio(s.name())) {
                    audio.put(a.enrollmentId(), a.samples());
                }
                List<Take> takes = new ArrayList<>();
                for (Enrollment e : tx.speakers().enrollments(s.name())) {
                    takes.add(new Take(new EnrollmentDetails(e.sourceName(), e.seconds(), e.netSpeechSeconds(),
                            e.clippingRatio(), e.snrDb(), e.created()), embeddings.getOrDefault(e.id(), List.of()),
                            audio.get(e.id())));
                }
                return new SpeakerContent(s.name(), s.created(), s.notes(), photo, takes);
            });
        }

        void writeTo(VoiceprintStore tx) {
            Speaker added = tx.speakers().add(new NewSpeaker(name, created, notes, photo));
            for (Take t : takes) {
                long id = tx.speakers().addEnrollment(added.id(), t.details());
                for (StoredEmbedding m : t.embeddings()) {
                    tx.embeddings().put(id, m.modelSha256(), m.vector());
                }
                if (t.keptAudio() != null) {
                    tx.speakers().keepAudio(id, t.keptAudio());
                }
            }
        }

        /** Equal content, ids aside (they are each store's own). */
        boolean sameAs(SpeakerContent other) {
            return MessageDigest.isEqual(digest(), other.digest());
        }

        private byte[] digest() {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                text(d, name);
                d.update(ByteBuffer.allocate(8).putLong(created.toEpochMilli()).array());
                text(d, notes);
                bytes(d, photo);
                for (Take t : takes) {
                    EnrollmentDetails e = t.details();
                    text(d, e.sourceName());
                    d.update(ByteBuffer.allocate(40).putDouble(e.seconds()).putDouble(e.netSpeechSeconds())
                            .putDouble(e.clippingRatio()).putDouble(e.snrDb()).putLong(e.created().toEpochMilli()).array());
                    for (StoredEmbedding m : t.embeddings()) {
                        text(d, m.modelSha256());
                        bytes(d, Floats.toBytes(m.vector()));
                    }
                    bytes(d, t.keptAudio() == null ? null : Floats.toBytes(t.keptAudio()));
                }
                return d.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void text(MessageDigest d, String s) {
            bytes(d, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        private static void bytes(MessageDigest d, byte[] b) {
            d.update(ByteBuffer.allocate(4).putInt(b == null ? -1 : b.length).array());
            if (b != null) {
                d.update(b);
            }
        }
    }
}
