package io.voxprint.crypto;

import io.voxprint.crypto.CryptoException.Kind;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a passphrase comes from: the file named by an option or by {@value #ENV}, else a prompt on
 * the terminal. Never a command-line argument (other users can read a process's arguments). The
 * caller zeroes the returned characters.
 */
public final class PassphraseInput {

    public static final String ENV = "VOXPRINT_PASSPHRASE_FILE";

    private final Path file;
    private final Console console;

    /** {@code optionFile} wins over {@code environment}'s {@value #ENV}; {@code console} may be null. */
    public PassphraseInput(Path optionFile, Map<String, String> environment, Console console) {
        String fromEnv = environment.get(ENV);
        this.file = optionFile != null ? optionFile : fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
        this.console = console;
    }

    /** The usual sources: the option, this process's environment and its terminal. */
    public static PassphraseInput of(Path optionFile) {
        return new PassphraseInput(optionFile, System.getenv(), System.console());
    }

    /** Whether a passphrase can be had without failing (a file is named or a terminal is attached). */
    public boolean available() {
        return file != null || console != null;
    }

    /** Whether the passphrase comes from a file (given before the program started, so no one is asked). */
    public boolean givenAsFile() {
        return file != null;
    }

    /** Whether a person can be asked (a terminal is attached). */
    public boolean canAsk() {
        return console != null;
    }

    /** Asks a yes-or-no question on the terminal; no terminal, or anything but "y"/"yes", is no. */
    public boolean askYesNo(String question) {
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    /** The passphrase of an existing database. */
    public char[] read(String prompt) {
        if (file != null) {
            return fromFile();
        }
        if (console == null) {
            throw new CryptoException(Kind.NO_PASSPHRASE, "A passphrase is needed and there is no terminal to ask on: "
                    + "name a file holding it with --passphrase-file or " + ENV + ".");
        }
        char[] p = console.readPassword("%s: ", prompt);
        if (p == null || p.length == 0) {
            throw new CryptoException(Kind.NO_PASSPHRASE, "No passphrase was entered; nothing was changed.");
        }
        return p;
    }

    /** A new passphrase: from the file, or typed twice on the terminal. */
    public char[] readNew(String prompt) {
        char[] first = read(prompt);
        if (file != null) {
            Keys.checkNewPassphrase(first);
            return first;
        }
        char[] second = read("Repeat it");
        try {
            if (!Arrays.equals(first, second)) {
                Secrets.zero(first);
                throw new CryptoException(Kind.NO_PASSPHRASE, "The two passphrases differ; nothing was changed.");
            }
            Keys.checkNewPassphrase(first);
            return first;
        } finally {
            Secrets.zero(second);
        }
    }

    private char[] fromFile() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CryptoException(Kind.NO_PASSPHRASE, "The passphrase file '" + file + "' cannot be read ("
                    + e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                    + ").", e);
        }
        try {
            int n = bytes.length;
            if (n > 0 && bytes[n - 1] == '\n') { // one trailing newline is the editor's, not the passphrase's
                n--;
                if (n > 0 && bytes[n - 1] == '\r') {
                    n--;
                }
            }
            byte[] body = Arrays.copyOf(bytes, n);
            try {
                char[] p = Secrets.chars(body);
                if (p.length == 0) {
                    throw new CryptoException(Kind.NO_PASSPHRASE, "The passphrase file '" + file + "' is empty.");
                }
                return p;
            } finally {
                Secrets.zero(body);
            }
        } catch (CharacterCodingException e) {
            throw new CryptoException(Kind.NO_PASSPHRASE, "The passphrase file '" + file + "' is not UTF-8 text.");
        } finally {
            Secrets.zero(bytes);
        }
    }
}
