package io.voxprint.cli;

import io.voxprint.app.keys.KeyManagement;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxprint keys status|init|rotate|change-passphrase}: the database's encryption. Passphrases
 * come from {@code --passphrase-file} / {@code VOXPRINT_PASSPHRASE_FILE} (the current one),
 * {@code --new-passphrase-file} (a new one), or the terminal; never from an argument.
 */
@Command(name = "keys", description = "Encryption of the voiceprint database: status, init, rotate, change-passphrase.",
        subcommands = {KeysCommand.Status.class, KeysCommand.Init.class, KeysCommand.Rotate.class,
            KeysCommand.ChangePassphrase.class})
final class KeysCommand extends CommandGroup {

    KeyManagement keys(Path newPassphraseFile) {
        return new KeyManagement(root.config(), newPassphraseFile, System.console());
    }

    /** A key operation: it prints the database's protection as it stands afterwards. */
    abstract static class KeyStep extends GroupMember<KeysCommand> {
        @Override
        public final Integer call() {
            KeyManagement.Status s = apply(group);
            var line = Json.object();
            line.put("database", s.database());
            line.put("protection", s.protection());
            line.put("unlocked", s.unlocked());
            line.put("databaseId", s.databaseId());
            line.put("keyId", s.keyId());
            line.put("argon2id", s.argon2id());
            line.put("speakers", s.speakers());
            return ok(line);
        }

        abstract KeyManagement.Status apply(KeysCommand keys);
    }

    @Command(name = "status", description = "Show how the database is protected (nothing secret is shown).")
    static final class Status extends KeyStep {
        @Override
        KeyManagement.Status apply(KeysCommand keys) {
            return keys.keys(null).status();
        }
    }

    @Command(name = "init", description = "Protect the database (an existing plain one is encrypted in place, in one "
            + "transaction): with a passphrase (default), the desktop keyring, or explicitly none.")
    static final class Init extends KeyStep {
        @Option(names = "--keyring", description = "Keep the key in the desktop keyring (Secret Service) instead of a passphrase.")
        boolean keyring;

        @Option(names = "--none", description = "Choose no protection: voiceprints stay readable to anyone who copies the database.")
        boolean none;

        @Override
        KeyManagement.Status apply(KeysCommand keys) {
            KeyManagement.Choice choice = none ? KeyManagement.Choice.NONE
                    : keyring ? KeyManagement.Choice.KEYRING : KeyManagement.Choice.PASSPHRASE;
            return keys.keys(null).init(choice);
        }
    }

    @Command(name = "rotate", description = "Re-encrypt every voiceprint under a new data key, in one transaction.")
    static final class Rotate extends KeyStep {
        @Override
        KeyManagement.Status apply(KeysCommand keys) {
            return keys.keys(null).rotate();
        }
    }

    @Command(name = "change-passphrase", description = "Protect the same key with a new passphrase (or the keyring); "
            + "the voiceprints are not rewritten.")
    static final class ChangePassphrase extends KeyStep {
        @Option(names = "--new-passphrase-file", paramLabel = "FILE", description = "File holding the new passphrase "
                + "(default: asked twice on the terminal).")
        Path newPassphraseFile;

        @Option(names = "--keyring", description = "Use the desktop keyring instead of a passphrase from now on.")
        boolean keyring;

        @Override
        KeyManagement.Status apply(KeysCommand keys) {
            return keys.keys(newPassphraseFile).changePassphrase(keyring);
        }
    }
}
