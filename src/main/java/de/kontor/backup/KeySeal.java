package de.kontor.backup;

import de.kontor.base.error.DomainException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Seals the secret key into a backup with a passphrase: PBKDF2-HMAC-SHA256 (600,000 rounds, the OWASP
 * figure for it) derives an AES-256 key from the passphrase and a random salt; AES-GCM encrypts and
 * authenticates. The JDK's own implementations, so nothing hand-made touches the cryptography. Layout:
 * magic {@code KSK1}, rounds (int), salt (16), nonce (12), ciphertext with tag.
 */
final class KeySeal {

    static final int MIN_PASSPHRASE = 12;
    private static final byte[] MAGIC = "KSK1".getBytes(StandardCharsets.US_ASCII);
    private static final int ROUNDS = 600_000;
    private static final int SALT = 16;
    private static final int NONCE = 12;
    private static final SecureRandom random = new SecureRandom();

    private KeySeal() {}

    static byte[] seal(byte[] secret, char[] passphrase) {
        if (passphrase.length < MIN_PASSPHRASE) {
            throw DomainException.invalidField(
                    "passphrase", "PASSPHRASE_TOO_SHORT", "backup.error.passphraseShort", MIN_PASSPHRASE);
        }
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, derive(passphrase, salt, ROUNDS), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(MAGIC);
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(MAGIC.length + 4 + SALT + NONCE + sealed.length)
                    .put(MAGIC)
                    .putInt(ROUNDS)
                    .put(salt)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The secret sealed in {@code sealed}; refused (not garbage) for a wrong passphrase or a damaged file. */
    static byte[] open(byte[] sealed, char[] passphrase) {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        byte[] magic = new byte[MAGIC.length];
        if (sealed.length < MAGIC.length + 4 + SALT + NONCE + 16) {
            throw wrongPassphrase();
        }
        in.get(magic);
        int rounds = in.getInt();
        if (!Arrays.equals(magic, MAGIC) || rounds < 10_000 || rounds > 10_000_000) {
            throw wrongPassphrase();
        }
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        in.get(salt).get(nonce);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, derive(passphrase, salt, rounds), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(MAGIC);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw wrongPassphrase();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int rounds) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, rounds, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            return new SecretKeySpec(key, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static DomainException wrongPassphrase() {
        return DomainException.invalidField("passphrase", "PASSPHRASE_WRONG", "backup.error.passphraseWrong");
    }
}
