package io.voxprint.store.sealed;

import io.voxprint.crypto.Keyring;
import io.voxprint.crypto.Keys;
import io.voxprint.crypto.PassphraseInput;
import io.voxprint.crypto.SecretToolKeyring;
import io.voxprint.store.TemplateCodec;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.store.postgres.PostgresStore;
import io.voxprint.store.postgres.PostgresUrl;
import io.voxprint.store.sqlite.SqliteOptions;
import io.voxprint.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the app opens its store: the engine (a SQLite file or a PostgreSQL database, alike) under a {@link ProtectedStore}, unlocked as the database's
 * key record asks (passphrase from the file named by {@value PassphraseInput#ENV} or the terminal;
 * keyring). A new database opened while a passphrase file is given is protected before its first
 * template is written. A database whose user has not chosen yet (new, or from before encryption)
 * stays in the clear until {@code voxprint keys init}; on a terminal the user of a file is asked once.
 */
public final class ProtectedStores {

    private static final Logger log = LoggerFactory.getLogger(ProtectedStores.class);

    private ProtectedStores() {
    }

    /** The SQLite file, with passphrase sources and keyring from {@code env} and this process's terminal. */
    public static ProtectedStore openSqlite(Path file, Map<String, String> env) {
        return open(sqlite(file), new PassphraseInput(null, env, System.console()), new SecretToolKeyring(env), true);
    }

    /**
     * A team's PostgreSQL database, unlocked as a file is. A plain one holding voiceprints is not
     * converted from a desk's prompt: that is its owner's {@code voxprint keys init}, with the other
     * desks stopped, which a desk's role may not do anyway (see docs/privacy.md).
     */
    public static ProtectedStore openPostgres(PostgresUrl url, Map<String, String> env) {
        return open(postgres(url), new PassphraseInput(null, env, System.console()), new SecretToolKeyring(env), false);
    }

    public static Function<TemplateCodec, VoiceprintStore> sqlite(Path file) {
        return codec -> SqliteStore.open(file, SqliteOptions.defaults().withCodec(codec));
    }

    /** A PostgreSQL database: the key record in its {@code property} table, only ciphertext sent to the server. */
    public static Function<TemplateCodec, VoiceprintStore> postgres(PostgresUrl url) {
        return codec -> PostgresStore.open(url, codec);
    }

    public static ProtectedStore open(Function<TemplateCodec, VoiceprintStore> engine, PassphraseInput passphrase,
            Keyring keyring) {
        return open(engine, passphrase, keyring, true);
    }

    private static ProtectedStore open(Function<TemplateCodec, VoiceprintStore> engine, PassphraseInput passphrase,
            Keyring keyring, boolean askToConvert) {
        ProtectedStore store = ProtectedStore.open(engine);
        try {
            if (store.protection().isEmpty()) {
                firstStart(store, passphrase, askToConvert);
            } else {
                store.unlockAsRecorded(() -> passphrase.available()
                        ? passphrase.read("Passphrase of the voiceprint database " + store.location()) : null, keyring);
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static void firstStart(ProtectedStore store, PassphraseInput passphrase, boolean askToConvert) {
        boolean holdsTemplates = store.holdsTemplates();
        boolean ask = holdsTemplates && askToConvert && passphrase.canAsk();
        if ((passphrase.givenAsFile() && !holdsTemplates)
                || (ask && passphrase.askYesNo("This voiceprint database stores voiceprints unencrypted. Encrypt it now with a passphrase?"))) {
            char[] p = passphrase.readNew("New passphrase");
            try {
                store.protect(Keys.createWithPassphrase(p));
            } finally {
                Arrays.fill(p, '\0');
            }
            return;
        }
        if (ask) {
            store.chooseNoProtection(); // asked once: the answer is kept
            return;
        }
        log.warn("The voiceprint database {} is not protected; 'voxprint keys init' encrypts it.", store.location());
    }
}
