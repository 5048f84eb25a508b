package io.voxprint.store;

import java.util.List;

/**
 * Where voiceprints are kept, whatever the engine: one object per kind of record, and units of work
 * that commit together or not at all. Every call on the records is its own transaction unless it is
 * made inside {@link #inTransaction} or {@link #inReadTransaction} on the same thread, where it joins
 * that one. Implementations are thread-safe; {@link #close()} releases the engine's connections.
 */
public interface VoiceprintStore extends AutoCloseable {

    /** Speakers with their enrollments, photos, notes and kept audio. */
    SpeakerRecords speakers();

    /** Embeddings of enrollments, each tagged with the sha256 of the model that made it. */
    EmbeddingRecords embeddings();

    /** Every verification and identification as it was decided. */
    AuditLog audit();

    /** Embeddings of audio seen before, keyed by (audio content, model). */
    EmbeddingCache embeddingCache();

    /** Named values kept with the database (its key record). */
    StoreProperties properties();

    /**
     * Runs {@code work} in one writing transaction: everything it does through this store's records
     * is committed together, or, when it throws, nothing is. The engine may run {@code work} again
     * when another writer got in the way, so it must keep its effects inside the store.
     */
    <T> T inTransaction(UnitOfWork<T> work);

    /** Runs {@code work} on one consistent snapshot of the store (several reads that agree with each other). */
    <T> T inReadTransaction(UnitOfWork<T> work);

    /** The schema version the store is at (the same numbers on every engine). */
    int schemaVersion();

    /** Where the records live, as a user names it (a file path, or a server address without password). */
    String location();

    /**
     * Adds all {@code takes} to the speaker in one transaction (speaker, enrollments, embeddings and
     * kept audio), creating the speaker when missing and {@code createIfMissing}; a non-null photo
     * replaces the speaker's photo. Everything is checked before anything is written.
     */
    default Speaker enroll(String speakerName, List<NewEnrollment> takes, boolean createIfMissing, byte[] photoOrNull) {
        return Enrolling.enroll(this, speakerName, takes, createIfMissing, photoOrNull);
    }

    /**
     * Calls {@code listener} for every change to speakers made through any connection to these
     * records, other desks' included, until the subscription is closed. Only engines that share
     * their records between desks (PostgreSQL) have changes from elsewhere to report; a SQLite file
     * belongs to one user, so its store never calls the listener.
     */
    default SpeakerChanges.Subscription watch(SpeakerChanges listener) {
        return () -> { };
    }

    /**
     * Why this store will not take enrollments, renames or deletions from this user, as one sentence
     * for the desk to show instead of offering them; empty when it will. A shared database may give a
     * desk a verify-only role; a SQLite file is its user's own.
     */
    default java.util.Optional<String> whyChangesAreRefused() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
