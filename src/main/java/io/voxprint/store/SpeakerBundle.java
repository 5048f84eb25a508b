package io.voxprint.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A speaker with everything the archive carries (no kept audio), as moved between store and archive. */
record SpeakerBundle(String name, Instant created, String notes, byte[] photo, List<Take> enrollments) {

    /**
     * The named speakers (all when {@code names} is empty, by name), read in one snapshot; unknown
     * names are refused. Enrollments without any embedding are left out: they carry no voiceprint.
     */
    static List<SpeakerBundle> read(VoiceprintStore store, List<String> names) {
        return store.inReadTransaction(tx -> {
            List<Speaker> speakers = new ArrayList<>();
            if (names == null || names.isEmpty()) {
                speakers.addAll(tx.speakers().list());
            } else {
                for (String n : names) {
                    String name = Inputs.name(n);
                    speakers.add(tx.speakers().find(name).orElseThrow(() -> Inputs.unknownSpeaker(name)));
                }
            }
            List<SpeakerBundle> bundles = new ArrayList<>();
            for (Speaker s : speakers) {
                bundles.add(of(tx, s));
            }
            return bundles;
        });
    }

    private static SpeakerBundle of(VoiceprintStore tx, Speaker s) {
        byte[] photo = s.hasPhoto() ? tx.speakers().photo(s.name()).orElse(null) : null;
        Map<Long, Take> takes = new LinkedHashMap<>();
        Map<Long, Enrollment> enrollments = new LinkedHashMap<>();
        for (Enrollment e : tx.speakers().enrollments(s.name())) {
            enrollments.put(e.id(), e);
        }
        for (StoredEmbedding m : tx.embeddings().allOfSpeaker(s.name())) {
            Take take = takes.computeIfAbsent(m.enrollmentId(), id -> {
                Enrollment e = enrollments.get(id);
                return new Take(e.sourceName(), e.seconds(), e.netSpeechSeconds(), e.clippingRatio(), e.snrDb(),
                        e.created(), new LinkedHashMap<>());
            });
            take.embeddings().put(m.modelSha256(), m.vector());
        }
        return new SpeakerBundle(s.name(), s.created(), s.notes(), photo, List.copyOf(takes.values()));
    }

    /** One enrollment's metadata and its embeddings, keyed by model sha256 in insertion order. */
    record Take(String sourceName, double seconds, double netSpeechSeconds, double clippingRatio, double snrDb,
            Instant created, Map<String, float[]> embeddings) {
    }
}
