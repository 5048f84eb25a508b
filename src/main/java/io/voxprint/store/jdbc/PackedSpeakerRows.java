package io.voxprint.store.jdbc;

import io.voxprint.store.PackedEmbeddings;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.TemplatePlace;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Decodes embedding rows through the engine's codec straight into one reused float array and hands
 * each speaker on once its last row has come (the rows of one speaker arrive together): a bulk load
 * makes no float[] per embedding and no list per speaker.
 */
final class PackedSpeakerRows implements JdbcEngine.EmbeddingRow {
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    private final TemplateCodec codec;
    private final String model;
    private final PackedEmbeddings sink;
    private final JdbcEngine db;
    private float[] values = new float[256];
    private long speakerId;
    private String speakerName;
    private int count;
    private int dimension;

    PackedSpeakerRows(JdbcEngine db, String model, PackedEmbeddings sink) {
        this.db = db;
        this.codec = db.codec();
        this.model = model;
        this.sink = sink;
    }

    @Override
    public void accept(long speakerId, String speakerName, long enrollmentId, byte[] storedVector) {
        if (this.speakerName != null && this.speakerId != speakerId) {
            finish();
        }
        if (this.speakerName == null) {
            this.speakerId = speakerId;
            this.speakerName = speakerName;
        }
        byte[] plain = codec.decode(TemplatePlace.embedding(speakerId, enrollmentId, model), storedVector);
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

    /** Hands on the speaker read last, if any. */
    void finish() {
        if (speakerName != null) {
            String name = speakerName;
            speakerName = null;
            int n = count;
            count = 0;
            sink.speaker(name, values, n, dimension);
        }
    }
}
