package io.voxprint.store.jdbc;

import io.voxprint.store.Inputs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Finding a speaker's row by name, for every kind of record that hangs off a speaker. */
public final class SpeakerIds {

    private SpeakerIds() {
    }

    /** The speaker's id, or null when no speaker has this name (compared case-folded). */
    public static Long idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM speaker WHERE name_key = ?")) {
            ps.setString(1, Inputs.nameKey(name));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The speaker's id; refuses an unknown name. */
    public static long require(Connection c, String name) throws SQLException {
        Long id = idOf(c, name);
        if (id == null) {
            throw Inputs.unknownSpeaker(name);
        }
        return id;
    }
}
