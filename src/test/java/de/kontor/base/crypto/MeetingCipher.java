package de.kontor.base.crypto;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * The real cipher, except that each encryption first waits at a barrier: code that encrypts right before it
 * writes (e.g. a key pair created on first use) reaches that write in several threads at the same moment.
 */
public final class MeetingCipher extends SecretCipher {

    private final SecretCipher real;
    private final CyclicBarrier barrier;

    public MeetingCipher(SecretCipher real, CyclicBarrier barrier) {
        super(new byte[32]);
        this.real = real;
        this.barrier = barrier;
    }

    @Override
    public String encrypt(String plaintext) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The other thread did not come to encrypt", e);
        }
        return real.encrypt(plaintext);
    }

    @Override
    public String decrypt(String ciphertext) {
        return real.decrypt(ciphertext);
    }
}
