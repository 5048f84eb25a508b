package io.voxprint.store;

import io.voxprint.crypto.CryptoException;
import java.nio.file.Path;

/**
 * Where the passphrase of an encrypted speaker archive comes from; asked only when the archive turns
 * out to be encrypted, so a plain archive never prompts. The reader zeroes what it is given.
 */
@FunctionalInterface
public interface ArchivePassphrase {

    char[] passphraseFor(Path archive);

    /** For callers that import only plain archives: an encrypted one is refused with a sentence. */
    static ArchivePassphrase none() {
        return archive -> {
            throw new CryptoException(CryptoException.Kind.NO_PASSPHRASE, "The archive '" + archive
                    + "' is encrypted, and no passphrase was given for it; nothing was imported.");
        };
    }
}
