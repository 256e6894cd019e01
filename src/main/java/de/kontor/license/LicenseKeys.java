package de.kontor.license;

import org.jspecify.annotations.Nullable;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * License keys like {@code KNTR-7F3Q-9XTA-M2PL}: 12 random characters from an alphabet without the
 * look-alikes 0/O, 1/I (≈ 2^60 keys), grouped for reading aloud.
 */
final class LicenseKeys {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String PREFIX = "KNTR";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LicenseKeys() {}

    static String generate() {
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int group = 0; group < 3; group++) {
            sb.append('-');
            for (int i = 0; i < 4; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }

    /** A key as users type it ("kntr 7f3q9xta m2pl") in its stored form; null if it cannot be one. */
    static @Nullable String normalize(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String compact = text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (!compact.matches(PREFIX + "[" + ALPHABET + "]{12}")) {
            return null;
        }
        String body = compact.substring(PREFIX.length());
        return PREFIX + "-" + body.substring(0, 4) + "-" + body.substring(4, 8) + "-" + body.substring(8);
    }
}
