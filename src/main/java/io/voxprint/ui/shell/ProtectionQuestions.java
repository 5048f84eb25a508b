package io.voxprint.ui.shell;

import io.voxprint.ui.common.DialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The questions about the voiceprint database's protection, asked through the dialog service before
 * the window opens: the first-start choice (passphrase, keyring where one runs, or explicitly none),
 * the one-time offer to encrypt a plain database from an older Voxprint, and the passphrase at each
 * start. No controls here, so tests answer through a recording dialog service.
 */
public final class ProtectionQuestions {
    public static final String FIRST_START = "Voxprint keeps voiceprints, which are biometric data. How should they be"
            + " protected on this computer? With a passphrase or the desktop keyring they are encrypted (AES-256-GCM);"
            + " without protection anyone who copies the database file can read them.";
    public static final String UPGRADE = "This voiceprint database, from an older Voxprint, stores voiceprints"
            + " unencrypted: anyone who copies the file can read them. Encrypt it now, in place? If you keep it"
            + " unencrypted, Voxprint will not ask again ('voxprint keys init' encrypts it later).";
    public static final String WITH_PASSPHRASE = "Protect with a passphrase";
    public static final String WITH_KEYRING = "Protect with the desktop keyring";
    public static final String NO_PROTECTION = "No protection";
    public static final String ENCRYPT_WITH_PASSPHRASE = "Encrypt with a passphrase";
    public static final String ENCRYPT_WITH_KEYRING = "Encrypt with the desktop keyring";
    public static final String KEEP_UNENCRYPTED = "Keep it unencrypted";

    /** What the user decided; {@link Answer#UNDECIDED} when they closed the question. */
    public enum Answer { PASSPHRASE, KEYRING, NONE, UNDECIDED }

    /** @param passphrase the new passphrase for {@link Answer#PASSPHRASE} (the caller zeroes it), else null */
    public record Decision(Answer answer, char[] passphrase) {
    }

    private final DialogService dialogs;

    public ProtectionQuestions(DialogService dialogs) {
        this.dialogs = dialogs;
    }

    /** The first start: no database yet. */
    public Decision firstStart(boolean keyringAvailable) {
        return ask(FIRST_START, keyringAvailable ? List.of(WITH_PASSPHRASE, WITH_KEYRING, NO_PROTECTION)
                : List.of(WITH_PASSPHRASE, NO_PROTECTION));
    }

    /** The first start after upgrading: a plain database with speakers, never asked about. */
    public Decision upgrade(boolean keyringAvailable) {
        return ask(UPGRADE, keyringAvailable ? List.of(ENCRYPT_WITH_PASSPHRASE, ENCRYPT_WITH_KEYRING, KEEP_UNENCRYPTED)
                : List.of(ENCRYPT_WITH_PASSPHRASE, KEEP_UNENCRYPTED));
    }

    /** The passphrase of a protected database; empty when the user cancels. */
    public Optional<char[]> passphraseOf(String database) {
        return dialogs.askPassphrase("Passphrase of the voiceprint database " + database, false);
    }

    /** Shows why the passphrase did not open the database, before it is asked again. */
    public void refused(Throwable why) {
        dialogs.showError(why);
    }

    private Decision ask(String question, List<String> answers) {
        List<Answer> meaning = new ArrayList<>();
        for (String a : answers) {
            meaning.add(a.contains("passphrase") ? Answer.PASSPHRASE : a.contains("keyring") ? Answer.KEYRING : Answer.NONE);
        }
        while (true) {
            int i = dialogs.choose(question, answers);
            if (i < 0) {
                return new Decision(Answer.UNDECIDED, null);
            }
            if (meaning.get(i) != Answer.PASSPHRASE) {
                return new Decision(meaning.get(i), null);
            }
            Optional<char[]> p = dialogs.askPassphrase("New passphrase for the voiceprint database", true);
            if (p.isPresent()) {
                return new Decision(Answer.PASSPHRASE, p.get());
            }
            // cancelled: back to the question
        }
    }
}
