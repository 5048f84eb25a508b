package io.voxprint.app.keys;

import io.voxprint.app.core.AppConfig;

import io.voxprint.crypto.Argon2id;
import io.voxprint.crypto.CryptoException;
import io.voxprint.crypto.KeyRecord;
import io.voxprint.crypto.Keyring;
import io.voxprint.crypto.Keys;
import io.voxprint.crypto.PassphraseInput;
import io.voxprint.crypto.Protection;
import io.voxprint.crypto.SecretToolKeyring;
import io.voxprint.crypto.UnlockedKey;
import io.voxprint.store.sealed.ProtectedStore;
import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The database's protection as a use case: its status, the first choice (passphrase, keyring or
 * explicitly none; an existing plain database is converted in one transaction), re-keying, and a new
 * passphrase, for a SQLite file and a PostgreSQL database alike. Passphrases come from files or the
 * terminal, never from arguments.
 */
public final class KeyManagement {

    /** What {@code voxprint keys status} shows; nothing in it is secret. */
    public record Status(String database, String protection, boolean unlocked, String databaseId, String keyId,
            String argon2id, int speakers) {
    }

    /** How the first choice is made. */
    public enum Choice { PASSPHRASE, KEYRING, NONE }

    private final AppConfig config;
    private final PassphraseInput current;
    private final PassphraseInput fresh;
    private final Keyring keyring;

    /**
     * @param newPassphraseFile where a new passphrase is read from ({@code keys init} also takes the
     *     current source, {@code --passphrase-file} / {@value PassphraseInput#ENV}, when this is null)
     */
    public KeyManagement(AppConfig config, Path newPassphraseFile, Console console) {
        this.config = config;
        this.current = new PassphraseInput(null, config.env(), console);
        this.fresh = newPassphraseFile != null ? new PassphraseInput(newPassphraseFile, java.util.Map.of(), console) : null;
        this.keyring = new SecretToolKeyring(config.env());
    }

    public Status status() {
        try (ProtectedStore store = open()) {
            return status(store);
        }
    }

    public Status init(Choice choice) {
        try (ProtectedStore store = open()) {
            switch (choice) {
                case NONE -> store.chooseNoProtection();
                case KEYRING -> store.protect(Keys.createWithKeyring(keyring));
                case PASSPHRASE -> {
                    char[] p = (fresh != null ? fresh : current).readNew("New passphrase");
                    try {
                        UnlockedKey key = Keys.createWithPassphrase(p);
                        store.protect(key);
                    } finally {
                        Arrays.fill(p, '\0');
                    }
                }
            }
            return status(store);
        }
    }

    public Status rotate() {
        try (ProtectedStore store = unlocked()) {
            store.rotate();
            return status(store);
        }
    }

    /** A new passphrase (or the keyring instead) for the same data key: only the key record changes. */
    public Status changePassphrase(boolean toKeyring) {
        try (ProtectedStore store = unlocked()) {
            if (toKeyring) {
                store.useKeyring(keyring);
            } else {
                char[] p = (fresh != null ? fresh : new PassphraseInput(null, java.util.Map.of(), System.console()))
                        .readNew("New passphrase");
                try {
                    store.changePassphrase(p, Argon2id.withFreshSalt());
                } finally {
                    Arrays.fill(p, '\0');
                }
            }
            return status(store);
        }
    }

    private ProtectedStore open() {
        return ProtectedStore.open(config.engine());
    }

    private ProtectedStore unlocked() {
        ProtectedStore store = open();
        try {
            Protection p = store.protection().orElse(Protection.NONE);
            if (p == Protection.KEYRING) {
                store.unlockWithKeyring(keyring);
            } else if (p == Protection.PASSPHRASE) {
                char[] pass = current.read("Passphrase of " + store.location());
                try {
                    store.unlockWithPassphrase(pass);
                } finally {
                    Arrays.fill(pass, '\0');
                }
            } else {
                throw new CryptoException(CryptoException.Kind.WRONG_KEY,
                        "This database is not protected; 'voxprint keys init' protects it.");
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static Status status(ProtectedStore store) {
        KeyRecord r = store.keyRecord().orElse(null);
        String argon = r == null || r.argon2id() == null ? null
                : r.argon2id().memoryKiB() + " KiB, " + r.argon2id().iterations() + " passes, " + r.argon2id().parallelism() + " lanes";
        return new Status(store.location(), r == null ? "undecided" : r.protection().name().toLowerCase(Locale.ROOT),
                !store.locked() && r != null && r.protection() != Protection.NONE, r == null ? null : r.databaseId(),
                r == null || r.keyId().isEmpty() ? null : r.keyId(), argon, store.speakers().list().size());
    }
}
