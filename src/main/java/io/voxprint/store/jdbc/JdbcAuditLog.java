package io.voxprint.store.jdbc;

import io.voxprint.store.AuditEntry;
import io.voxprint.store.AuditLog;
import io.voxprint.store.Inputs;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

/** The append-only {@code audit} table; kinds and results are stored as the words {@link AuditEntry} names. */
public final class JdbcAuditLog implements AuditLog {

    private final JdbcEngine db;

    public JdbcAuditLog(JdbcEngine db) {
        this.db = db;
    }

    @Override
    public void append(AuditEntry entry) {
        Inputs.auditEntry(entry);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO audit (time_ms, kind, claimed_name, result, score, threshold, model_sha256, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, entry.time().toEpochMilli());
                ps.setString(2, entry.kind().text());
                ps.setString(3, entry.claimedName());
                ps.setString(4, entry.resultText());
                JdbcValues.setDouble(ps, 5, entry.score());
                JdbcValues.setDouble(ps, 6, entry.threshold());
                ps.setString(7, entry.modelSha256());
                ps.setString(8, entry.source());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        if (limit <= 0) {
            throw Inputs.invalid("The number of audit entries to show must be positive.");
        }
        return db.read(c -> Rows.list(c, """
                SELECT time_ms, kind, claimed_name, result, score, threshold, model_sha256, source
                FROM audit ORDER BY id DESC LIMIT ?""", ps -> ps.setInt(1, limit), rs -> {
                    AuditEntry entry = AuditEntry.fromStored(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                            rs.getString(3), rs.getString(4), JdbcValues.getDouble(rs, 5), JdbcValues.getDouble(rs, 6),
                            rs.getString(7), rs.getString(8));
                    if (entry == null) {
                        throw db.damaged("an audit line holds the unknown decision '"
                                + rs.getString(2) + "/" + rs.getString(4) + "'");
                    }
                    return entry;
                }));
    }
}
