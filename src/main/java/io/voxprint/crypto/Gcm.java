package io.voxprint.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-GCM with the JDK's provider: one Cipher per thread (a Cipher is not thread-safe). */
final class Gcm {

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no AES/GCM", e);
        }
    });

    private Gcm() {
    }

    /** Ciphertext followed by the 16-byte tag. */
    static byte[] encrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] plain, int offset, int length) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plain, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused a well-formed encryption", e);
        }
    }

    /** The plaintext, or null when the tag does not authenticate (wrong key, altered or misplaced value). */
    static byte[] decrypt(SecretKey key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length) {
        try {
            return cipher(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(sealed, offset, length);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM refused a well-formed decryption", e);
        }
    }

    /** This thread's cipher, set for one value under {@code key}, {@code nonce} and {@code aad}. */
    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
        Cipher c = CIPHER.get();
        c.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        c.updateAAD(aad);
        return c;
    }
}
