package io.voxprint.store.sealed;

import io.voxprint.crypto.Binding;
import io.voxprint.crypto.CryptoException;
import io.voxprint.crypto.CryptoException.Kind;
import io.voxprint.crypto.DataKey;
import io.voxprint.crypto.RecordKind;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.TemplatePlace;

/**
 * The codec of a protected database: every template sealed with the database's data key and bound to
 * its place (database id, kind, speaker, enrollment, model). Until the key is given it refuses to read
 * or write templates (names and counts stay readable, see docs/privacy.md); a database whose user
 * chose no protection gets {@link #plain()}.
 */
public final class SealingCodec implements TemplateCodec {

    private volatile DataKey key;
    private volatile String databaseId;
    private volatile boolean plain;

    private SealingCodec(boolean plain) {
        this.plain = plain;
    }

    /** A codec for a protected database whose key is not yet known. */
    public static SealingCodec locked() {
        return new SealingCodec(false);
    }

    /** A codec that stores templates in the clear (the user's explicit choice, or a database being converted). */
    public static SealingCodec plain() {
        return new SealingCodec(true);
    }

    /** A codec sealing with {@code key} for the database {@code databaseId}. */
    public static SealingCodec sealing(DataKey key, String databaseId) {
        SealingCodec codec = new SealingCodec(false);
        codec.use(key, databaseId);
        return codec;
    }

    /** From now on seals with {@code key}; the caller keeps ownership of the key (and closes it). */
    public void use(DataKey key, String databaseId) {
        this.databaseId = databaseId;
        this.key = key;
        this.plain = false;
    }

    /** From now on stores in the clear. */
    public void usePlain() {
        this.key = null;
        this.plain = true;
    }

    public boolean sealing() {
        return key != null;
    }

    @Override
    public byte[] encode(TemplatePlace place, byte[] value) {
        if (plain) {
            return value;
        }
        return require().seal(value, binding(place));
    }

    @Override
    public byte[] decode(TemplatePlace place, byte[] stored) {
        if (plain) {
            if (DataKey.isSealed(stored)) {
                throw new CryptoException(Kind.LOCKED, "The stored " + words(place)
                        + " is sealed, but this database is open without its key; nothing was read.");
            }
            return stored;
        }
        return require().open(stored, binding(place));
    }

    private DataKey require() {
        DataKey k = key;
        if (k == null) {
            throw new CryptoException(Kind.LOCKED, "The voiceprint database is protected and not unlocked: "
                    + "give its passphrase (terminal, --passphrase-file or VOXPRINT_PASSPHRASE_FILE) or unlock its keyring.");
        }
        return k;
    }

    private Binding binding(TemplatePlace place) {
        return new Binding(databaseId, RecordKind.valueOf(place.kind().name()), place.speakerId(), place.enrollmentId(),
                place.key());
    }

    private static String words(TemplatePlace place) {
        return RecordKind.valueOf(place.kind().name()).words();
    }
}
