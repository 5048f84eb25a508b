package io.voxprint.store;

/** Work on the records of one store inside one transaction; see {@link VoiceprintStore#inTransaction}. */
@FunctionalInterface
public interface UnitOfWork<T> {
    T run(VoiceprintStore store);
}
