package io.voxprint.app.identify;

import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.DecisionPolicy;
import io.voxprint.app.core.Probes;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.scoring.Candidate;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.VoiceprintStore;
import java.time.Instant;
import java.util.List;

/**
 * Who is speaking? Ranks the enrolled speakers in memory ({@code SpeakerCatalog}); the database is
 * read only for the recording's cached embedding and written for the audit line.
 */
public final class Identify {
    private final VoiceprintStore store;
    private final Probes probes;
    private final DecisionPolicy policy;

    public Identify(VoiceprintStore store, Probes probes, DecisionPolicy policy) {
        this.store = store;
        this.probes = probes;
        this.policy = policy;
    }

    public IdentifyResult identify(AudioSource recording, int topK) {
        Probes.Probe probe = probes.open(probes.decode(recording));
        if (probe.speakers().size() == 0) {
            throw new VoxprintException("No speaker is enrolled with the model in use; enroll someone first.");
        }
        List<Candidate> candidates = probe.speakers().topK(probes.embed(probe), Math.max(1, topK));
        String model = probe.model().sha256();
        double threshold = policy.identificationThreshold(model);
        String decision = !candidates.isEmpty() && candidates.get(0).score() >= threshold ? candidates.get(0).key() : null;
        store.audit().append(AuditEntry.identification(Instant.now(), decision,
                candidates.isEmpty() ? Double.NaN : candidates.get(0).score(), threshold, model, probe.audio().source()));
        return new IdentifyResult(candidates, decision, threshold, probe.quality().problems());
    }
}
