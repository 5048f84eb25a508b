package io.voxprint.crypto;

import io.voxprint.crypto.CryptoException.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * A file sealed with a passphrase (the encrypted speaker archive): a text header naming the format
 * and the Argon2id parameters, then the nonce, the AES-256-GCM ciphertext and tag (the header is the
 * associated data), then a SHA-256 of all of it so that a damaged file is told apart from a wrong
 * passphrase.
 *
 * <pre>
 * voxprint-sealed-file 1 speakers-archive
 * argon2id SALT_HEX MEMORY_KIB ITERATIONS PARALLELISM
 * [12 nonce][ciphertext][16 tag][32 sha256]
 * </pre>
 */
public final class SealedFile {

    private static final String MAGIC = "voxprint-sealed-file 1 ";
    private static final int DIGEST_BYTES = 32;

    private SealedFile() {
    }

    /** Whether {@code bytes} start like a sealed file (so an import can tell it from a plain archive). */
    public static boolean looksSealed(byte[] bytes) {
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        return bytes != null && bytes.length > magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    public static byte[] seal(byte[] content, String contentKind, char[] passphrase, Argon2id parameters) {
        Keys.checkNewPassphrase(passphrase);
        String header = MAGIC + contentKind + "\nargon2id " + Secrets.hex(parameters.salt()) + " " + parameters.memoryKiB()
                + " " + parameters.iterations() + " " + parameters.parallelism() + "\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] kek = parameters.derive(passphrase);
        try {
            byte[] nonce = Secrets.random(Gcm.NONCE_BYTES);
            byte[] body = Gcm.encrypt(new SecretKeySpec(kek, "AES"), nonce, head, content, 0, content.length);
            byte[] out = new byte[head.length + nonce.length + body.length + DIGEST_BYTES];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(nonce, 0, out, head.length, nonce.length);
            System.arraycopy(body, 0, out, head.length + nonce.length, body.length);
            byte[] digest = sha256(out, out.length - DIGEST_BYTES);
            System.arraycopy(digest, 0, out, out.length - DIGEST_BYTES, DIGEST_BYTES);
            return out;
        } finally {
            Secrets.zero(kek);
        }
    }

    /** The content; {@code name} is how sentences name the file. */
    public static byte[] open(byte[] sealed, String expectedKind, char[] passphrase, String name) {
        if (!looksSealed(sealed)) {
            throw new CryptoException(Kind.DAMAGED_KEY_RECORD, "The file '" + name + "' is not a sealed Voxprint file.");
        }
        int end = sealed.length - DIGEST_BYTES;
        if (end <= 0 || !Arrays.equals(sha256(sealed, end), 0, DIGEST_BYTES, sealed, end, sealed.length)) {
            throw new CryptoException(Kind.DAMAGED_KEY_RECORD, "The file '" + name + "' is damaged (its checksum does not match); "
                    + "nothing was read from it.");
        }
        int firstLine = indexOf(sealed, 0);
        int secondLine = firstLine < 0 ? -1 : indexOf(sealed, firstLine + 1);
        if (secondLine < 0 || secondLine + 1 + Gcm.NONCE_BYTES + Gcm.TAG_BYTES > end) {
            throw new CryptoException(Kind.DAMAGED_KEY_RECORD, "The file '" + name + "' has no readable header.");
        }
        String kind = new String(sealed, MAGIC.length(), firstLine - MAGIC.length(), StandardCharsets.US_ASCII);
        if (!kind.equals(expectedKind)) {
            throw new CryptoException(Kind.MISPLACED_VALUE, "The file '" + name + "' holds a " + kind + ", not a " + expectedKind + ".");
        }
        Argon2id parameters;
        try {
            String[] p = new String(sealed, firstLine + 1, secondLine - firstLine - 1, StandardCharsets.US_ASCII).split(" ");
            parameters = new Argon2id(Secrets.unhex(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]), Integer.parseInt(p[4]));
        } catch (RuntimeException e) {
            throw new CryptoException(Kind.DAMAGED_KEY_RECORD, "The file '" + name + "' has unreadable key parameters.");
        }
        int headLength = secondLine + 1;
        byte[] kek = parameters.derive(passphrase);
        try {
            byte[] nonce = Arrays.copyOfRange(sealed, headLength, headLength + Gcm.NONCE_BYTES);
            byte[] plain = Gcm.decrypt(new SecretKeySpec(kek, "AES"), nonce, Arrays.copyOf(sealed, headLength), sealed,
                    headLength + Gcm.NONCE_BYTES, end - headLength - Gcm.NONCE_BYTES);
            if (plain == null) {
                throw new CryptoException(Kind.WRONG_KEY, "The passphrase does not open '" + name + "'; nothing was read from it.");
            }
            return plain;
        } finally {
            Secrets.zero(kek);
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < Math.min(b.length, from + 512); i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] sha256(byte[] b, int length) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(b, 0, length);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
