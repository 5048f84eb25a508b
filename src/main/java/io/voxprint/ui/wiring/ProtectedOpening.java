package io.voxprint.ui.wiring;

import io.voxprint.app.core.AppConfig;
import io.voxprint.common.UserFacing;
import io.voxprint.app.keys.DesktopProtection;
import io.voxprint.app.keys.DesktopProtection.Choice;
import io.voxprint.app.keys.DesktopProtection.State;
import io.voxprint.crypto.CryptoException;
import io.voxprint.store.VoiceprintStore;
import io.voxprint.ui.shell.ProtectionQuestions;
import io.voxprint.ui.shell.ProtectionQuestions.Answer;
import io.voxprint.ui.shell.ProtectionQuestions.Decision;
import java.util.Arrays;
import java.util.Optional;

/**
 * Opens the desktop's SQLite database after asking what must be asked: at the first start how to
 * protect it, once after upgrading whether to encrypt a plain one in place, and at every start the
 * passphrase of a protected one (again after a wrong one). A database on a server is opened as the
 * command line opens it.
 */
final class ProtectedOpening {
    /** Why nothing was opened, when the user closed a question. */
    static final String NOT_CHOSEN = "The voiceprint database was not created, because no protection was chosen;"
            + " start Voxprint again to choose.";
    static final String STAYS_LOCKED = "The voiceprint database stays locked, because no passphrase was entered;"
            + " start Voxprint again to unlock it.";

    private ProtectedOpening() {
    }

    /** The user closed a question that had to be answered: nothing was opened. */
    static final class NotOpened extends RuntimeException implements UserFacing {
        NotOpened(String sentence) {
            super(sentence);
        }
    }

    /** The store, unlocked; {@link NotOpened} when the user closed a question that had to be answered. */
    static VoiceprintStore open(AppConfig config, ProtectionQuestions questions) {
        if (config.database() == null) {
            return config.openStore();
        }
        try (DesktopProtection protection = new DesktopProtection(config.database(), config.env())) {
            return open(protection, questions, config.database().toString());
        }
    }

    private static VoiceprintStore open(DesktopProtection protection, ProtectionQuestions questions, String database) {
        State state = protection.state();
        if (state == State.NEW || state == State.PLAIN_NOT_ASKED) {
            Decision d = state == State.NEW ? questions.firstStart(protection.keyringAvailable())
                    : questions.upgrade(protection.keyringAvailable());
            if (d.answer() == Answer.UNDECIDED && state == State.NEW) {
                throw new NotOpened(NOT_CHOSEN);
            }
            if (d.answer() != Answer.UNDECIDED) {
                try {
                    return protection.choose(Choice.valueOf(d.answer().name()), d.passphrase());
                } finally {
                    if (d.passphrase() != null) {
                        Arrays.fill(d.passphrase(), '\0');
                    }
                }
            }
        }
        if (state != State.PASSPHRASE) {
            return protection.openUnlocked(null);
        }
        while (true) {
            Optional<char[]> p = questions.passphraseOf(database);
            if (p.isEmpty()) {
                throw new NotOpened(STAYS_LOCKED);
            }
            try {
                return protection.openUnlocked(p.get());
            } catch (CryptoException e) {
                if (e.kind() != CryptoException.Kind.WRONG_KEY) {
                    throw e;
                }
                questions.refused(e);
            } finally {
                Arrays.fill(p.get(), '\0');
            }
        }
    }
}
