package io.voxprint.store.sealed;

import io.voxprint.crypto.Binding;
import io.voxprint.crypto.CryptoException;
import io.voxprint.crypto.CryptoException.Kind;
import io.voxprint.crypto.DataKey;
import io.voxprint.crypto.RecordKind;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.TemplatePlace;
import java.util.Map;

/**
 * The codec of a database that may be protected: templates sealed with the database's data key and
 * bound to their place (database id, kind, speaker, enrollment, model). Until the key is given it
 * refuses to read or write templates (names and counts stay readable, see docs/privacy.md).
 *
 * <p>Its state is swapped whole, so a reader on another thread sees one state or the next. While a
 * database is converted or re-keyed in one transaction it opens values of both the old and the new
 * form and seals only in the new one; that makes the transaction safe to run again from the start.
 */
public final class SealingCodec implements TemplateCodec {

    /**
     * @param sealWith   null: store in the clear
     * @param openWith   keys by key id
     * @param openPlain  whether a value stored in the clear is accepted (a plain database, or one being converted)
     */
    private record State(boolean locked, String databaseId, DataKey sealWith, Map<String, DataKey> openWith,
            boolean openPlain) {
    }

    private volatile State state;

    private SealingCodec(State state) {
        this.state = state;
    }

    /** A protected database whose key is not known yet: every template read or write is refused. */
    public static SealingCodec locked() {
        return new SealingCodec(new State(true, "", null, Map.of(), false));
    }

    /** Templates in the clear (a database whose user chose no protection, or has not chosen yet). */
    public static SealingCodec plain() {
        return new SealingCodec(plainState());
    }

    /** Seals with {@code key} for the database {@code databaseId}. */
    public static SealingCodec sealing(DataKey key, String databaseId) {
        return new SealingCodec(sealingState(key, databaseId));
    }

    /** From now on seals with {@code key}; the caller keeps ownership of the key (and closes it). */
    public void use(DataKey key, String databaseId) {
        state = sealingState(key, databaseId);
    }

    public void usePlain() {
        state = plainState();
    }

    /**
     * For a conversion or a re-keying: opens values sealed with {@code previous} (null: values in the
     * clear) or with {@code next}, and seals with {@code next}. Set from the same arguments on every
     * run of a retried transaction.
     */
    void transition(DataKey previous, DataKey next, String databaseId) {
        Map<String, DataKey> keys = previous == null ? Map.of(next.id(), next) : Map.of(previous.id(), previous, next.id(), next);
        state = new State(false, databaseId, next, keys, previous == null);
    }

    /** Whether templates are sealed (and the key is known). */
    public boolean sealing() {
        return state.sealWith() != null;
    }

    public boolean isLocked() {
        return state.locked();
    }

    @Override
    public byte[] encode(TemplatePlace place, byte[] value) {
        State s = check();
        return s.sealWith() == null ? value : s.sealWith().seal(value, binding(s, place));
    }

    @Override
    public byte[] decode(TemplatePlace place, byte[] stored) {
        State s = check();
        if (!DataKey.isSealed(stored)) {
            if (s.openPlain()) {
                return stored;
            }
            throw new CryptoException(Kind.MISPLACED_VALUE, "The stored " + words(place) + describe(place)
                    + " is in the clear in a protected database (written in by something other than Voxprint); it was not used.");
        }
        DataKey key = s.openWith().get(DataKey.keyIdOf(stored));
        if (key == null) {
            key = s.sealWith() != null ? s.sealWith() : null;
        }
        if (key == null) {
            throw new CryptoException(Kind.MISPLACED_VALUE, "The stored " + words(place) + describe(place)
                    + " is sealed, but this database is not protected (it was copied in from another database); it was not used.");
        }
        return key.open(stored, binding(s, place));
    }

    private State check() {
        State s = state;
        if (s.locked()) {
            throw new CryptoException(Kind.LOCKED, "The voiceprint database is protected and not unlocked: give its "
                    + "passphrase (terminal, --passphrase-file or VOXPRINT_PASSPHRASE_FILE) or unlock its keyring.");
        }
        return s;
    }

    private static State plainState() {
        return new State(false, "", null, Map.of(), true);
    }

    private static State sealingState(DataKey key, String databaseId) {
        return new State(false, databaseId, key, Map.of(key.id(), key), false);
    }

    private static Binding binding(State s, TemplatePlace place) {
        return new Binding(s.databaseId(), RecordKind.valueOf(place.kind().name()), place.speakerId(),
                place.enrollmentId(), place.key());
    }

    private static String words(TemplatePlace place) {
        return RecordKind.valueOf(place.kind().name()).words();
    }

    private static String describe(TemplatePlace place) {
        return place.enrollmentId() != 0 ? " of enrollment " + place.enrollmentId()
                : place.speakerId() != 0 ? " of speaker " + place.speakerId() : "";
    }
}
