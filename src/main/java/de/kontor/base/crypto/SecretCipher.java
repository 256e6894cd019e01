package de.kontor.base.crypto;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets that Kontor must be able to read back (plug passwords, signing keys, forge tokens)
 * with AES-256-GCM. The key comes from {@code KONTOR_SECRET_KEY} or, when unset, from
 * {@code <data-dir>/secret.key}, generated on first start; {@link SecretKeys} checks it against the
 * database's check value, so that all nodes of a cluster use one key. Back it up with the database:
 * without it, stored secrets cannot be read.
 * <p>
 * Ciphertexts look like {@code v1:<base64(iv || ciphertext+tag)>}.
 */
@Component
public class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    SecretCipher(SecretKeys keys) {
        this(keys.load());
    }

    SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** @throws IllegalStateException when the value was not encrypted with this key (or was altered) */
    public String decrypt(String ciphertext) {
        if (!ciphertext.startsWith(PREFIX)) {
            throw new IllegalStateException("Not an encrypted value");
        }
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Cannot decrypt a stored secret: wrong KONTOR_SECRET_KEY or secret.key?", e);
        }
    }

    /** Whether {@code ciphertext} was encrypted with {@code key}. */
    static boolean decrypts(byte[] key, String ciphertext) {
        try {
            new SecretCipher(key).decrypt(ciphertext);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
