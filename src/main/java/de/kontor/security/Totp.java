package de.kontor.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, as every authenticator
 * app expects), computed by java-otp for the time Kontor's clock gives. Codes of the step before and after
 * the current one are accepted too, for phones whose clocks are a little off.
 */
final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final int SECRET_BYTES = 20;
    private static final int DIGITS = 6;
    private static final int SKEW_STEPS = 1;
    private static final String ISSUER = "Kontor";

    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP);

    private Totp() {}

    /** A new random key, base32 without padding (what authenticator apps take as text). */
    static String newSecret() {
        return new Base32().encodeToString(Passwords.randomBytes(SECRET_BYTES)).replace("=", "");
    }

    /** The address an authenticator app reads from the QR code. */
    static String otpauthUri(String secret, String account) {
        String label = encode(ISSUER + ":" + account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(ISSUER) + "&algorithm=SHA1&digits="
                + DIGITS + "&period=" + STEP.toSeconds();
    }

    /** The code for the given time. */
    static String code(String secret, Instant at) {
        try {
            return GENERATOR.generateOneTimePasswordString(key(secret), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Stored TOTP key is unusable", e);
        }
    }

    /** Whether the typed text looks like a TOTP code (six digits, spaces allowed) rather than a recovery code. */
    static boolean looksLikeCode(String typed) {
        return normalize(typed).matches("\\d{" + DIGITS + "}");
    }

    static String normalize(String typed) {
        return typed.replaceAll("\\s", "");
    }

    /** The 30-second step whose code {@code typed} is, if it is the code of a step near {@code now}. */
    static OptionalLong matchingStep(String secret, String typed, Instant now) {
        String code = normalize(typed);
        long current = step(now);
        for (long s = current - SKEW_STEPS; s <= current + SKEW_STEPS; s++) {
            if (constantTimeEquals(code(secret, Instant.ofEpochSecond(s * STEP.toSeconds())), code)) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(new Base32().decode(secret), GENERATOR.getAlgorithm());
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
