package io.voxprint.app.audit;

import io.voxprint.store.AuditEntry;
import io.voxprint.store.VoiceprintStore;
import java.util.List;

/** Every verification and identification, newest first. */
public final class AuditLog {
    private final VoiceprintStore store;

    public AuditLog(VoiceprintStore store) {
        this.store = store;
    }

    public List<AuditEntry> latest(int limit) {
        return store.audit().latest(limit);
    }
}
