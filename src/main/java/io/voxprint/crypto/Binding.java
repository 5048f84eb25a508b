package io.voxprint.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a sealed value belongs to. It is authenticated with the value (AES-GCM associated data), so
 * the value opens only in the same database, for the same kind of record, speaker, enrollment and
 * model: a value copied to another row, another speaker or from another database is refused.
 *
 * @param databaseId   the random id of the database's key record
 * @param kind         embedding, photo, kept audio, cached embedding
 * @param speakerId    owning speaker's row id (0 where the record has none, as in the embedding cache)
 * @param enrollmentId owning enrollment's row id (0 for a speaker's photo)
 * @param modelSha256  the model that made an embedding ("" for photos and audio; the audio's sha256
 *                     joined with the model's for a cached embedding)
 */
public record Binding(String databaseId, RecordKind kind, long speakerId, long enrollmentId, String modelSha256) {

    public Binding {
        if (databaseId == null || kind == null || modelSha256 == null) {
            throw new IllegalArgumentException("a binding needs a database id, a kind and a model (may be empty)");
        }
    }

    /** Unambiguous bytes: every field length-prefixed, so no two bindings encode alike. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        field(out, "voxprint-binding-1".getBytes(StandardCharsets.US_ASCII));
        field(out, databaseId.getBytes(StandardCharsets.UTF_8));
        field(out, kind.name().getBytes(StandardCharsets.US_ASCII));
        field(out, Long.toString(speakerId).getBytes(StandardCharsets.US_ASCII));
        field(out, Long.toString(enrollmentId).getBytes(StandardCharsets.US_ASCII));
        field(out, modelSha256.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(bytes);
    }

    /** How a refusal names the place, without any secret. */
    String describe() {
        StringBuilder s = new StringBuilder(kind.words());
        if (enrollmentId != 0) {
            s.append(" of enrollment ").append(enrollmentId);
        }
        if (speakerId != 0) {
            s.append(enrollmentId != 0 ? " (speaker " : " of speaker ").append(speakerId).append(enrollmentId != 0 ? ")" : "");
        }
        return s.toString();
    }
}
