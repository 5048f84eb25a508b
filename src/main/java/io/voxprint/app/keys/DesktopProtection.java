package io.voxprint.app.keys;

import io.voxprint.crypto.CryptoException;
import io.voxprint.crypto.Keys;
import io.voxprint.crypto.Protection;
import io.voxprint.crypto.SecretToolKeyring;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.sealed.ProtectedStore;
import io.voxprint.store.sealed.ProtectedStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The SQLite database's protection as the desktop decides it, with passphrases typed into its own
 * dialogs rather than read from files or a terminal: what the user must still be asked, the first
 * choice (passphrase, keyring or explicitly none; an existing plain database converted in place in
 * one transaction), and opening the database unlocked. The database is opened once, on the first
 * question about it, and that store is the one handed out (a start-up opens it once, not once to
 * look and again to use); closing this closes it unless it was handed out.
 */
public final class DesktopProtection implements AutoCloseable {

    /** Where the database stands, so the desktop knows which question, if any, to ask. */
    public enum State {
        /** No database yet (or one without speakers whose protection was never chosen): the first-start question. */
        NEW,
        /** A plain database from before protection existed, never asked about: the conversion question, once. */
        PLAIN_NOT_ASKED,
        /** No protection, chosen explicitly (or conversion declined): nothing to ask. */
        UNPROTECTED,
        /** Protected by a passphrase: asked at every start. */
        PASSPHRASE,
        /** Protected by the desktop keyring: nothing to ask. */
        KEYRING
    }

    /** The user's answer to the first-start or the conversion question. */
    public enum Choice { PASSPHRASE, KEYRING, NONE }

    private final Path database;
    private final SecretToolKeyring keyring;
    private ProtectedStore store;

    /** The database file, with the keyring reached through {@code env}'s session bus. */
    public DesktopProtection(Path database, Map<String, String> env) {
        this.database = database;
        this.keyring = new SecretToolKeyring(env);
    }

    /** A database not there yet is not created by asking. */
    public State state() {
        if (store == null && !Files.exists(database)) {
            return State.NEW;
        }
        ProtectedStore s = store();
        Protection p = s.protection().orElse(null);
        if (p == null) {
            return s.holdsTemplates() ? State.PLAIN_NOT_ASKED : State.NEW;
        }
        return switch (p) {
            case NONE -> State.UNPROTECTED;
            case PASSPHRASE -> State.PASSPHRASE;
            case KEYRING -> State.KEYRING;
        };
    }

    /** Whether the desktop keyring (Secret Service) can be used here. */
    public boolean keyringAvailable() {
        return keyring.available();
    }

    /**
     * Applies the first choice and returns the database open and unlocked: a new database is created
     * protected (or explicitly not), an existing plain one is converted in place in one transaction.
     * {@code passphrase} is read only for {@link Choice#PASSPHRASE}; the caller zeroes it.
     */
    public VoiceprintStore choose(Choice choice, char[] passphrase) {
        ProtectedStore s = store();
        try {
            switch (choice) {
                case NONE -> s.chooseNoProtection();
                case KEYRING -> s.protect(Keys.createWithKeyring(keyring));
                case PASSPHRASE -> s.protect(Keys.createWithPassphrase(passphrase));
            }
            return handOut();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The database, unlocked as its protection asks ({@code passphrase} for a passphrase-protected
     * one, the keyring for a keyring-protected one); a wrong passphrase is one sentence and leaves the
     * database open and locked for the next try.
     */
    public VoiceprintStore openUnlocked(char[] passphrase) {
        ProtectedStore s = store();
        try {
            s.unlockAsRecorded(() -> {
                if (passphrase == null) {
                    throw new CryptoException(CryptoException.Kind.NO_PASSPHRASE,
                            "The voiceprint database is protected by a passphrase, and none was entered.");
                }
                return passphrase.clone();
            }, keyring);
            return handOut();
        } catch (CryptoException e) {
            if (e.kind() != CryptoException.Kind.WRONG_KEY) {
                close();
            }
            throw e;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Closes the database unless it was handed out. */
    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    private ProtectedStore store() {
        if (store == null) {
            store = ProtectedStore.open(ProtectedStores.sqlite(database));
        }
        return store;
    }

    private VoiceprintStore handOut() {
        VoiceprintStore out = store;
        store = null;
        return out;
    }
}
