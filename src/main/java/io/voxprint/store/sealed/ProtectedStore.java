package io.voxprint.store.sealed;

import io.voxprint.crypto.Argon2id;
import io.voxprint.crypto.CryptoException;
import io.voxprint.crypto.CryptoException.Kind;
import io.voxprint.crypto.KeyRecord;
import io.voxprint.crypto.Keyring;
import io.voxprint.crypto.Keys;
import io.voxprint.crypto.Protection;
import io.voxprint.crypto.UnlockedKey;
import io.voxprint.store.AuditEntry;
import io.voxprint.store.AuditLog;
import io.voxprint.store.EmbeddingCache;
import io.voxprint.store.EmbeddingRecords;
import io.voxprint.store.SpeakerChanges;
import io.voxprint.store.SpeakerRecords;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.UnitOfWork;
import io.voxprint.store.VoiceprintStore;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A voiceprint store whose templates are sealed: the engine underneath writes through this store's
 * {@link SealingCodec}, so embeddings, photos, kept audio and cached embeddings reach its tables (and
 * any server) only as ciphertext, on every engine alike. This class adds the key's life (unlock,
 * protect or convert, rotate, change passphrase) and writes every refusal to the audit log.
 *
 * <p>Converting and re-keying are {@link Resealing}'s; a cache entry that no longer opens is a miss
 * ({@link SealedCache}).
 *
 * <p>Longer than most classes here: it is a whole {@link VoiceprintStore} (a dozen one-line
 * delegations to the engine underneath), and each of the key's steps must check, change and audit
 * under the same open key, so they stay together.
 */
public final class ProtectedStore implements VoiceprintStore {

    private static final Logger log = LoggerFactory.getLogger(ProtectedStore.class);
    /** The property that holds the key record. */
    public static final String KEY_RECORD = "key-record";

    private final VoiceprintStore engine;
    private final SealingCodec codec;
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final SpeakerRecords speakers;
    private final EmbeddingRecords embeddings;
    private final EmbeddingCache cache;
    private volatile KeyRecord record;
    private volatile UnlockedKey key;

    private ProtectedStore(VoiceprintStore engine, SealingCodec codec, KeyRecord record) {
        this.engine = engine;
        this.codec = codec;
        this.record = record;
        this.speakers = Refusals.audited(SpeakerRecords.class, engine.speakers(), this::refused);
        this.embeddings = Refusals.audited(EmbeddingRecords.class, engine.embeddings(), this::refused);
        this.cache = new SealedCache(engine.embeddingCache(), this::refused);
    }

    /**
     * Opens the engine with a sealing codec and reads the key record: a protected database opens
     * locked (names readable, templates refused until {@link #unlockWithPassphrase} or
     * {@link #unlockWithKeyring}); an unprotected or not yet decided one opens in the clear.
     */
    public static ProtectedStore open(Function<TemplateCodec, VoiceprintStore> openEngine) {
        SealingCodec codec = SealingCodec.locked();
        VoiceprintStore engine = openEngine.apply(codec);
        try {
            KeyRecord record = engine.properties().get(KEY_RECORD).map(KeyRecord::decode).orElse(null);
            if (record == null || record.protection() == Protection.NONE) {
                codec.usePlain();
            }
            return new ProtectedStore(engine, codec, record);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** The key record, or empty when the user has not chosen yet (a new or pre-encryption database). */
    public Optional<KeyRecord> keyRecord() {
        return Optional.ofNullable(record);
    }

    /** PASSPHRASE, KEYRING, NONE; empty when not chosen yet. */
    public Optional<Protection> protection() {
        return keyRecord().map(KeyRecord::protection);
    }

    public boolean locked() {
        return codec.isLocked();
    }

    /** Whether any template is stored (a plain database with templates is converted, not just protected). */
    public boolean holdsTemplates() {
        return !engine.speakers().list().isEmpty();
    }

    /**
     * Unlocks as the key record asks: a passphrase-protected database with what {@code passphrase}
     * gives (asked only then; null leaves it locked; the array is zeroed after), a keyring-protected
     * one with {@code keyring}; a plain or undecided one needs nothing.
     */
    public void unlockAsRecorded(java.util.function.Supplier<char[]> passphrase, Keyring keyring) {
        Protection p = protection().orElse(Protection.NONE);
        if (p == Protection.PASSPHRASE) {
            char[] given = passphrase.get();
            if (given != null) {
                try {
                    unlockWithPassphrase(given);
                } finally {
                    java.util.Arrays.fill(given, '\0');
                }
            }
        } else if (p == Protection.KEYRING) {
            unlockWithKeyring(keyring);
        }
    }

    public void unlockWithPassphrase(char[] passphrase) {
        unlock(() -> Keys.unlockWithPassphrase(requireRecord(), passphrase));
    }

    public void unlockWithKeyring(Keyring keyring) {
        unlock(() -> Keys.unlockWithKeyring(requireRecord(), keyring));
    }

    private void unlock(java.util.function.Supplier<UnlockedKey> opener) {
        try {
            UnlockedKey k = opener.get();
            key = k;
            codec.use(k.dataKey(), k.databaseId());
        } catch (CryptoException e) {
            refused(e);
            throw e;
        }
    }

    /**
     * Protects the database with {@code newKey} (from {@link Keys#createWithPassphrase} or
     * {@link Keys#createWithKeyring}): a new database from its first template on, an existing plain
     * one converted in place in one transaction. Refused when it is protected already.
     */
    public void protect(UnlockedKey newKey) {
        if (record != null && record.protection() != Protection.NONE) {
            throw new CryptoException(Kind.WRONG_KEY, "This database is protected already; use 'voxprint keys "
                    + "change-passphrase' or 'voxprint keys rotate'.");
        }
        reseal(newKey);
    }

    /** Records the explicit choice of no protection, so the question is not asked again. */
    public void chooseNoProtection() {
        if (record != null) {
            throw new CryptoException(Kind.WRONG_KEY, "This database's protection is chosen already ("
                    + record.protection().name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        KeyRecord none = Keys.unprotected();
        engine.inTransaction(tx -> {
            tx.properties().put(KEY_RECORD, none.encode());
            return null;
        });
        record = none;
    }

    /** Re-seals every template under a new data key, in one transaction. */
    public void rotate() {
        UnlockedKey now = requireKey();
        reseal(now.rotated());
    }

    /** The same data key under a new passphrase: only the key record changes. */
    public void changePassphrase(char[] passphrase, Argon2id parameters) {
        rewrap(requireKey().withPassphrase(passphrase, parameters));
    }

    /** The same data key, from now on unlocked by the desktop keyring. */
    public void useKeyring(Keyring keyring) {
        rewrap(requireKey().withKeyring(keyring));
    }

    private void rewrap(UnlockedKey next) {
        byte[] encoded = next.record().encode();
        engine.inTransaction(tx -> {
            tx.properties().put(KEY_RECORD, encoded);
            return null;
        });
        record = next.record();
        key = next;
    }

    /** Every template in {@code next}'s form, with the key record, in one transaction ({@link Resealing}). */
    private void reseal(UnlockedKey next) {
        UnlockedKey previous = key;
        try {
            Resealing.run(engine, codec, previous, next, KEY_RECORD);
        } catch (CryptoException e) {
            refused(e);
            throw e;
        }
        record = next.record();
        key = next;
        if (previous != null) {
            previous.close(); // nothing is sealed with it any more
        }
        log.info("Templates of {} sealed under key {}", engine.location(), next.record().keyId());
    }

    private KeyRecord requireRecord() {
        if (record == null || record.protection() == Protection.NONE) {
            throw new CryptoException(Kind.WRONG_KEY, "This database is not protected; 'voxprint keys init' protects it.");
        }
        return record;
    }

    private UnlockedKey requireKey() {
        if (key == null) {
            requireRecord();
            throw new CryptoException(Kind.LOCKED, "The database must be unlocked with its passphrase or keyring first.");
        }
        return key;
    }

    /** Writes a refusal to the audit log, after the failed transaction (if any) has rolled back. */
    private void refused(CryptoException e) {
        if (depth.get()[0] > 0 || e.kind() == Kind.LOCKED || e.kind() == Kind.NO_PASSPHRASE) {
            return; // inside a unit of work the outermost call audits it, after the rollback
        }
        try {
            engine.audit().append(AuditEntry.refusal(Instant.now(), e.getMessage()));
        } catch (RuntimeException auditFailed) {
            log.warn("A refusal could not be audited", auditFailed);
        }
    }

    // ------------------------------------------------------------------ the records

    @Override
    public SpeakerRecords speakers() {
        return speakers;
    }

    @Override
    public EmbeddingRecords embeddings() {
        return embeddings;
    }

    @Override
    public AuditLog audit() {
        return engine.audit();
    }

    @Override
    public EmbeddingCache embeddingCache() {
        return cache;
    }

    @Override
    public io.voxprint.store.StoreProperties properties() {
        return engine.properties();
    }

    @Override
    public <T> T inTransaction(UnitOfWork<T> work) {
        return joined(() -> engine.inTransaction(tx -> work.run(this)));
    }

    @Override
    public <T> T inReadTransaction(UnitOfWork<T> work) {
        return joined(() -> engine.inReadTransaction(tx -> work.run(this)));
    }

    private <T> T joined(java.util.function.Supplier<T> call) {
        int[] d = depth.get();
        d[0]++;
        try {
            return call.get();
        } catch (CryptoException e) {
            if (d[0] == 1) {
                d[0] = 0;
                refused(e);
            }
            throw e;
        } finally {
            d[0] = Math.max(0, d[0] - 1);
        }
    }

    /** Change notices carry names only: the engine's, as they are (other desks of a shared database). */
    @Override
    public SpeakerChanges.Subscription watch(SpeakerChanges listener) {
        return engine.watch(listener);
    }

    @Override
    public Optional<String> whyChangesAreRefused() {
        return engine.whyChangesAreRefused();
    }

    @Override
    public int schemaVersion() {
        return engine.schemaVersion();
    }

    @Override
    public String location() {
        return engine.location();
    }

    @Override
    public void close() {
        UnlockedKey k = key;
        if (k != null) {
            k.close();
        }
        engine.close();
    }
}
