package io.voxprint.store;

import java.util.List;

/** The append-only record of every verification and identification. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** The newest {@code limit} entries, newest first. */
    List<AuditEntry> latest(int limit);
}
