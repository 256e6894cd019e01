package de.kontor.base;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** ISO 3166 country codes and their names in Kontor's languages. */
public final class Countries {

    private static final Set<String> CODES = Set.copyOf(List.of(Locale.getISOCountries()));
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : CODES) {
            Locale country = Locale.of("", code);
            for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
                BY_NAME.put(simplify(country.getDisplayCountry(language)), code);
            }
        }
        BY_NAME.put(simplify("BRD"), "DE");
        BY_NAME.put(simplify("UK"), "GB");
        BY_NAME.put(simplify("England"), "GB");
        BY_NAME.put(simplify("USA"), "US");
        BY_NAME.put(simplify("Schweiz"), "CH");
    }

    private Countries() {}

    /** The code for a code or a country name ("de", "Deutschland", "Germany" → DE), or null. */
    public static @Nullable String code(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() == 2 && CODES.contains(t.toUpperCase(Locale.ROOT))) {
            return t.toUpperCase(Locale.ROOT);
        }
        return BY_NAME.get(simplify(t));
    }

    /** All codes, sorted by their name in {@code locale}. */
    public static List<String> codes(Locale locale) {
        return CODES.stream()
                .sorted((a, b) -> name(a, locale).compareToIgnoreCase(name(b, locale)))
                .toList();
    }

    public static String name(@Nullable String code, Locale locale) {
        return code == null ? "" : Locale.of("", code).getDisplayCountry(locale);
    }

    private static String simplify(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }
}
