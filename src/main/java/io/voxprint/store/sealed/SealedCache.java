package io.voxprint.store.sealed;

import io.voxprint.crypto.CryptoException;
import io.voxprint.crypto.CryptoException.Kind;
import io.voxprint.store.EmbeddingCache;
import java.util.Optional;
import java.util.function.Consumer;

/** A cache entry that does not open (sealed under a key since replaced) is a miss, not an error; the refusal is audited. */
final class SealedCache implements EmbeddingCache {

    private final EmbeddingCache inner;
    private final Consumer<CryptoException> refused;

    SealedCache(EmbeddingCache inner, Consumer<CryptoException> refused) {
        this.inner = inner;
        this.refused = refused;
    }

    @Override
    public Optional<float[]> get(String audioSha256, String modelSha256) {
        try {
            return inner.get(audioSha256, modelSha256);
        } catch (CryptoException e) {
            if (e.kind() == Kind.LOCKED) {
                throw e;
            }
            refused.accept(e);
            return Optional.empty();
        }
    }

    @Override
    public void put(String audioSha256, String modelSha256, float[] embedding) {
        inner.put(audioSha256, modelSha256, embedding);
    }

    @Override
    public void clear() {
        inner.clear();
    }
}
