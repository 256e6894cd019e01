package de.kontor.base.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values for tokens, API keys and links: random bytes from a strong source, written base64url. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** {@code bytes} random bytes as base64url without padding (32 bytes give 43 characters). */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
