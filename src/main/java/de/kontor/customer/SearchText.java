package de.kontor.customer;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The folded form customers are searched in: lower case, accents removed, ß as ss; words with German
 * umlauts also in their ae/oe/ue spelling, so "Müller" is found as "muller", "mueller" and "MÜLLER".
 * Stored per customer and compared byte-wise, which is far cheaper than a collation-aware LIKE.
 */
final class SearchText {

    /** Bytes (UTF-8) the column holds. */
    static final int MAX_BYTES = 1400;

    private SearchText() {}

    static String of(@Nullable String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part == null || part.isBlank()) {
                continue;
            }
            String folded = fold(part);
            sb.append(folded).append(' ');
            String transliterated = fold(transliterate(part));
            if (!transliterated.equals(folded)) {
                sb.append(transliterated).append(' ');
            }
        }
        String text = sb.toString().strip();
        while (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    /** What a user typed, folded the same way. */
    static String fold(String text) {
        return Normalizer.normalize(text.replace("ß", "ss").replace("ẞ", "SS"), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static String transliterate(String text) {
        return text.replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("Ä", "Ae")
                .replace("Ö", "Oe")
                .replace("Ü", "Ue");
    }
}
