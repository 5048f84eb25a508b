package io.voxprint.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.voxprint.crypto.CryptoException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseInputTest {

    @TempDir
    Path dir;

    @Test
    void fileFromOptionOrEnvironmentLosesOneTrailingNewline() throws Exception {
        Path crlf = Files.write(dir.resolve("a"), "pässe phrase\r\n".getBytes(StandardCharsets.UTF_8));
        Path spaces = Files.write(dir.resolve("b"), "  spaced  \n\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("pässe phrase".toCharArray(), new PassphraseInput(crlf, Map.of(), null).read("x"));
        assertArrayEquals("  spaced  \n".toCharArray(),
                new PassphraseInput(null, Map.of(PassphraseInput.ENV, spaces.toString()), null).read("x"));
        assertArrayEquals("pässe phrase".toCharArray(),
                new PassphraseInput(crlf, Map.of(PassphraseInput.ENV, spaces.toString()), null).read("x"), "the option wins");
    }

    @Test
    void noSourceMissingEmptyOrBinaryFileIsOneSentence() throws Exception {
        PassphraseInput nothing = new PassphraseInput(null, Map.of(), null);
        assertFalse(nothing.available());
        Sentences.refused(Kind.NO_PASSPHRASE, () -> nothing.read("x"));
        Sentences.refused(Kind.NO_PASSPHRASE, () -> new PassphraseInput(dir.resolve("none"), Map.of(), null).read("x"));
        Path empty = Files.write(dir.resolve("empty"), "\n".getBytes(StandardCharsets.US_ASCII));
        Sentences.refused(Kind.NO_PASSPHRASE, () -> new PassphraseInput(empty, Map.of(), null).read("x"));
        Path binary = Files.write(dir.resolve("bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        Sentences.refused(Kind.NO_PASSPHRASE, () -> new PassphraseInput(binary, Map.of(), null).read("x"));
        Path shortOne = Files.write(dir.resolve("short"), "abc".getBytes(StandardCharsets.US_ASCII));
        Sentences.refused(Kind.NO_PASSPHRASE, () -> new PassphraseInput(shortOne, Map.of(), null).readNew("x"));
    }
}
