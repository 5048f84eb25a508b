package io.voxprint.store.jdbc;

import io.voxprint.store.TemplateCodec;
import io.voxprint.store.TemplatePlace;

/**
 * Embedding rows taken speaker by speaker: a speaker's run of rows begins with its first row and
 * ends when another speaker's row comes, or at {@link #finish()}; each row's vector arrives decoded
 * through the engine's codec. A subclass keeps what a run gathers; one that takes rows in any order
 * may refuse to begin a run, and the row is then skipped without being decoded.
 */
abstract class SpeakerRuns implements JdbcEngine.EmbeddingRow {
    private final TemplateCodec codec;
    private final String model;
    private boolean inRun;
    private long runSpeakerId;

    SpeakerRuns(TemplateCodec codec, String model) {
        this.codec = codec;
        this.model = model;
    }

    @Override
    public final void accept(long speakerId, String speakerName, long enrollmentId, byte[] storedVector) {
        if (!inRun || runSpeakerId != speakerId) {
            if (!mayBegin(speakerId)) {
                return;
            }
            finish();
            inRun = true;
            runSpeakerId = speakerId;
            begin(speakerId, speakerName);
        }
        add(speakerId, enrollmentId, codec.decode(TemplatePlace.embedding(speakerId, enrollmentId, model), storedVector));
    }

    /** Ends the run read last, if any. */
    final void finish() {
        if (inRun) {
            inRun = false;
            end(runSpeakerId);
        }
    }

    /** Whether a run of this speaker may begin now; when not, its row is skipped. */
    boolean mayBegin(long speakerId) {
        return true;
    }

    abstract void begin(long speakerId, String speakerName);

    /** One row of the run, its vector decoded (not yet checked). */
    abstract void add(long speakerId, long enrollmentId, byte[] plainVector);

    abstract void end(long speakerId);
}
