package de.kontor.base.importing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A field an import can fill, with the column headers that usually hold it (in any language; compared
 * without case, accents, spaces and punctuation).
 *
 * @param key      the field's name, e.g. "email"
 * @param labelKey message key of its label
 */
public record ImportField(String key, String labelKey, boolean required, List<String> aliases) {

    public ImportField {
        aliases = List.copyOf(aliases);
    }

    public boolean matchesHeader(String header) {
        String h = simplify(header);
        if (h.isEmpty()) {
            return false;
        }
        if (h.equals(simplify(key))) {
            return true;
        }
        return aliases.stream().map(ImportField::simplify).anyMatch(h::equals);
    }

    static String simplify(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replace("ß", "ss")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
