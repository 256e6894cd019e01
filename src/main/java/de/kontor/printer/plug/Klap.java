package de.kontor.printer.plug;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The KLAP v2 cryptography of Tapo plugs, shared by the client and the emulator: the credentials hash,
 * the handshake hashes, and a session's key material with request encryption and signing. Byte-exact
 * against {@code klap_vectors.json} (see {@code KlapVectorsTest}).
 */
public final class Klap {

    private Klap() {}

    /** {@code SHA-256(SHA-1(username) ‖ SHA-1(password))} over the UTF-8 bytes, as typed (case matters). */
    public static byte[] authHash(String username, String password) {
        return sha256(sha1(username.getBytes(StandardCharsets.UTF_8)), sha1(password.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What devices not (or no longer) bound to the user's account answer with: the Tapo setup account and
     * empty credentials. Tried, in this order, after the user's own credentials.
     */
    public static List<byte[]> fallbackAuthHashes() {
        return List.of(
                authHash("test@tp-link.net", "test"), authHash("", ""), authHash("kasa@tp-link.net", "kasaSetup"));
    }

    /** handshake1: {@code SHA-256(local ‖ remote ‖ authHash)}, the hash the device answers with. */
    public static byte[] serverHash(byte[] localSeed, byte[] remoteSeed, byte[] authHash) {
        return sha256(localSeed, remoteSeed, authHash);
    }

    /** handshake2: {@code SHA-256(remote ‖ local ‖ authHash)}, the hash the client sends (seeds swapped). */
    public static byte[] clientHash(byte[] localSeed, byte[] remoteSeed, byte[] authHash) {
        return sha256(remoteSeed, localSeed, authHash);
    }

    /** Constant-time comparison of two hashes. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** A session's keys: AES key, IV prefix, first sequence number, signing prefix. */
    public record Session(byte[] key, byte[] ivPrefix, int initialSeq, byte[] sig) {

        public static Session derive(byte[] localSeed, byte[] remoteSeed, byte[] authHash) {
            byte[] key = Arrays.copyOf(
                    sha256("lsk".getBytes(StandardCharsets.US_ASCII), localSeed, remoteSeed, authHash), 16);
            byte[] iv = sha256("iv".getBytes(StandardCharsets.US_ASCII), localSeed, remoteSeed, authHash);
            int seq = ByteBuffer.wrap(iv, 28, 4).getInt();
            byte[] sig = Arrays.copyOf(
                    sha256("ldk".getBytes(StandardCharsets.US_ASCII), localSeed, remoteSeed, authHash), 28);
            return new Session(key, Arrays.copyOf(iv, 12), seq, sig);
        }

        public byte[] iv(int seq) {
            return ByteBuffer.allocate(16).put(ivPrefix).putInt(seq).array();
        }

        /** {@code signature ‖ AES-128-CBC(plaintext)} for sequence number {@code seq}. */
        public byte[] seal(int seq, byte[] plaintext) {
            byte[] ct = aes(Cipher.ENCRYPT_MODE, seq, plaintext);
            return ByteBuffer.allocate(32 + ct.length)
                    .put(signature(seq, ct))
                    .put(ct)
                    .array();
        }

        /** The plaintext of {@code signature ‖ ciphertext}; the signature is checked when {@code verify}. */
        public byte[] open(int seq, byte[] body, boolean verify) throws BadPaddingException {
            if (body.length < 48 || (body.length - 32) % 16 != 0) {
                throw new BadPaddingException("KLAP body of " + body.length + " bytes");
            }
            byte[] ct = Arrays.copyOfRange(body, 32, body.length);
            if (verify && !same(Arrays.copyOf(body, 32), signature(seq, ct))) {
                throw new BadPaddingException("KLAP signature does not match");
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv(seq)));
                return cipher.doFinal(ct);
            } catch (BadPaddingException e) {
                throw e;
            } catch (IllegalBlockSizeException e) {
                throw new BadPaddingException(e.getMessage());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public byte[] signature(int seq, byte[] ciphertext) {
            return sha256(sig, ByteBuffer.allocate(4).putInt(seq).array(), ciphertext);
        }

        private byte[] aes(int mode, int seq, byte[] input) {
            try {
                Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
                cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv(seq)));
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
