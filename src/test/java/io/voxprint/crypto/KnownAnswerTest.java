package io.voxprint.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Published test vectors, each from a source independent of the code under test: AES-GCM from the
 * GCM specification's test cases (McGrew and Viega, as used by NIST's validation; test case 16 was
 * also checked with Python's {@code cryptography} AESGCM), Argon2id from RFC 9106 section 5.3.
 */
class KnownAnswerTest {

    @Test
    void aes256GcmTestCase16() {
        byte[] key = Secrets.unhex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        byte[] plain = Secrets.unhex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] aad = Secrets.unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] iv = Secrets.unhex("cafebabefacedbaddecaf888");
        byte[] expected = Secrets.unhex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662" + "76fc6ece0f4e1768cddf8853bb2d551b");
        SecretKeySpec k = new SecretKeySpec(key, "AES");
        assertArrayEquals(expected, Gcm.encrypt(k, iv, aad, plain, 0, plain.length));
        assertArrayEquals(plain, Gcm.decrypt(k, iv, aad, expected, 0, expected.length));
        byte[] tampered = expected.clone();
        tampered[tampered.length - 1] ^= 1;
        assertNull(Gcm.decrypt(k, iv, aad, tampered, 0, tampered.length));
        byte[] otherAad = aad.clone();
        otherAad[0] ^= 1;
        assertNull(Gcm.decrypt(k, iv, otherAad, expected, 0, expected.length), "associated data is authenticated");
    }

    @Test
    void aes256GcmTestCase14() {
        SecretKeySpec k = new SecretKeySpec(new byte[32], "AES");
        byte[] out = Gcm.encrypt(k, new byte[12], new byte[0], new byte[16], 0, 16);
        assertEquals("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919", Secrets.hex(out));
    }

    @Test
    void argon2idRfc9106Vector() {
        byte[] password = filled(32, 0x01);
        Argon2id params = new Argon2id(filled(16, 0x02), 32, 3, 4);
        byte[] tag = params.derive(password, filled(8, 0x03), filled(12, 0x04), 32);
        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", Secrets.hex(tag));
    }

    @Test
    void passphraseDerivationIsArgon2idOfItsUtf8() {
        Argon2id params = new Argon2id(filled(16, 0x02), 64, 1, 1);
        char[] passphrase = "grüße aus köln".toCharArray();
        byte[] viaChars = params.derive(passphrase);
        byte[] viaBytes = params.derive("grüße aus köln".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null, 32);
        assertArrayEquals(viaBytes, viaChars);
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
