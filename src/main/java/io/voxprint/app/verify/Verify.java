package io.voxprint.app.verify;

import io.voxprint.app.core.AudioSource;
import io.voxprint.app.core.DecisionPolicy;
import io.voxprint.app.core.Probes;
import io.voxprint.app.core.VoxprintException;
import io.voxprint.audio.PreparedAudio;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.Speaker;
import io.voxprint.store.VoiceprintStore;
import java.time.Instant;

/** Is this recording the claimed speaker? Decides by the {@link DecisionPolicy} and writes an audit line. */
public final class Verify {
    private final VoiceprintStore store;
    private final Probes probes;
    private final DecisionPolicy policy;

    public Verify(VoiceprintStore store, Probes probes, DecisionPolicy policy) {
        this.store = store;
        this.probes = probes;
        this.policy = policy;
    }

    public VerifyResult verify(String name, AudioSource recording) {
        PreparedAudio audio = probes.decode(recording);
        Speaker speaker = store.speakers().find(name)
                .orElseThrow(() -> new VoxprintException("No speaker named '" + name + "' is enrolled."));
        Probes.Probe probe = probes.open(audio);
        if (!probe.speakers().contains(speaker.name())) {
            throw new VoxprintException("'" + speaker.name() + "' was enrolled with a different model; re-enroll"
                    + " this speaker with the model in use.");
        }
        String model = probe.model().sha256();
        DecisionPolicy.Verdict v = policy.verify(model, probe.speakers(), speaker.name(), probes.embed(probe));
        store.audit().append(AuditEntry.verification(Instant.now(), speaker.name(), v.accepted(),
                v.decidingScore(), v.threshold(), model, probe.audio().source()));
        return new VerifyResult(speaker.name(), v.score(), v.normScore(), v.llr(), v.threshold(), v.accepted(),
                probe.quality().problems());
    }
}
