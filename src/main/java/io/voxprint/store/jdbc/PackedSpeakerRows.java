package io.voxprint.store.jdbc;

import io.voxprint.store.PackedEmbeddings;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes embedding rows through the engine's codec straight into one reused float array and hands
 * each speaker on once its last row has come: a bulk load makes no float[] per embedding and no list
 * per speaker.
 *
 * <p>Rows in index order come speaker by speaker. Rows in the server's order
 * ({@link JdbcEmbeddings#rowsOfModelInAnyOrder}) mostly do too, since one enrollment's embeddings are
 * written together, but a speaker enrolled again later, or a parallel scan, can part them. Such a
 * speaker is handed on with the rows of its first run only, and noted; its later rows are skipped,
 * and the caller reads the noted speakers again, whole, which replaces the part in the index.
 */
final class PackedSpeakerRows extends SpeakerRuns {
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final PackedEmbeddings sink;
    private final JdbcEngine db;
    private float[] values = new float[256];
    private String speakerName;
    private int count;
    private int dimension;
    /** Speakers handed on already, and those whose rows came apart; both null for rows in index order. */
    private final SpeakerIdSet handedOn;
    private final SpeakerIdSet apart;

    private PackedSpeakerRows(JdbcEngine db, String model, PackedEmbeddings sink, boolean inAnyOrder) {
        super(db.codec(), model);
        this.db = db;
        this.sink = sink;
        this.handedOn = inAnyOrder ? new SpeakerIdSet() : null;
        this.apart = inAnyOrder ? new SpeakerIdSet() : null;
    }

    /** For rows that come speaker by speaker. */
    static PackedSpeakerRows grouped(JdbcEngine db, String model, PackedEmbeddings sink) {
        return new PackedSpeakerRows(db, model, sink, false);
    }

    /** For rows in the server's order: see {@link #apart()}. */
    static PackedSpeakerRows inAnyOrder(JdbcEngine db, String model, PackedEmbeddings sink) {
        return new PackedSpeakerRows(db, model, sink, true);
    }

    /** The speakers whose rows came apart, handed on in part, to be read again. */
    long[] apart() {
        return apart == null ? new long[0] : apart.toArray();
    }

    @Override
    boolean mayBegin(long speakerId) {
        // a speaker noted apart was handed on before, so it is in handedOn too
        if (handedOn != null && handedOn.contains(speakerId)) {
            apart.add(speakerId);
            return false;
        }
        return true;
    }

    @Override
    void begin(long speakerId, String speakerName) {
        this.speakerName = speakerName;
    }

    @Override
    void add(long speakerId, long enrollmentId, byte[] plain) {
        if (plain.length % Float.BYTES != 0 || plain.length == 0) {
            throw db.damaged("an embedding of enrollment " + enrollmentId + " is " + plain.length + " bytes long");
        }
        int n = plain.length / Float.BYTES;
        if (count == 0) {
            dimension = n;
        } else if (n != dimension) {
            throw db.damaged("the embeddings of speaker " + speakerName + " have " + dimension + " and " + n + " values");
        }
        int at = count * dimension;
        if (at + n > values.length) {
            values = Arrays.copyOf(values, Math.max(at + n, values.length * 2));
        }
        for (int j = 0; j < n; j++) {
            values[at + j] = (float) FLOAT_LE.get(plain, j * Float.BYTES);
        }
        count++;
    }

    @Override
    void end(long speakerId) {
        if (handedOn != null) {
            handedOn.add(speakerId);
        }
        int n = count;
        count = 0;
        sink.speaker(speakerName, values, n, dimension);
    }
}
