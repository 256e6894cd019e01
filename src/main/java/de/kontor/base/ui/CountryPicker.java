package de.kontor.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.provider.Query;
import de.kontor.base.Countries;
import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Choose a country by typing its name in the user's language or its code: "Deutsch" offers Deutschland
 * first and Enter takes it; "at" finds Österreich. The value is the ISO code ("DE"). Every form with a
 * country uses this picker.
 */
public class CountryPicker extends ComboBox<String> {

    public CountryPicker(String label) {
        super(label);
        Locale locale = getLocale();
        List<String> codes = Countries.codes(locale);
        setItemsWithRanking(codes, locale);
        setItemLabelGenerator(code -> Countries.name(code, locale) + " (" + code + ")");
        setClearButtonVisible(true);
        BestMatchOnEnter.install(this, typed -> best(codes, typed, locale));
    }

    /** The country "Deutsch", "de" or "Oesterreich" means, if any. */
    static Optional<String> best(List<String> codes, String typed, Locale locale) {
        String code = Countries.code(typed);
        if (code != null) {
            return Optional.of(code);
        }
        return codes.stream()
                .filter(c -> rank(c, typed, locale) < Integer.MAX_VALUE)
                .min(Comparator.comparingInt(c -> rank(c, typed, locale)));
    }

    /** Best matches first: the code itself, then names starting with the text, then names containing it. */
    private void setItemsWithRanking(List<String> codes, Locale locale) {
        setItems(query -> ranked(codes, query, locale).skip(query.getOffset()).limit(query.getLimit()), query ->
                (int) ranked(codes, query, locale).count());
    }

    private static Stream<String> ranked(List<String> codes, Query<String, String> query, Locale locale) {
        String filter = query.getFilter().orElse("");
        return codes.stream()
                .filter(code -> rank(code, filter, locale) < Integer.MAX_VALUE)
                .sorted(Comparator.comparingInt(code -> rank(code, filter, locale)));
    }

    static int rank(String code, @Nullable String filter, Locale locale) {
        String text = simplify(filter);
        if (text.isEmpty()) {
            return 0;
        }
        if (code.equalsIgnoreCase(text)) {
            return 0;
        }
        // The user's language first; a German or English name typed in the other language still counts.
        int best = Integer.MAX_VALUE;
        for (Locale language : List.of(locale, Locale.GERMAN, Locale.ENGLISH)) {
            String name = simplify(Countries.name(code, language));
            int rank = name.startsWith(text)
                    ? 1
                    : name.contains(" " + text) || name.contains("-" + text) ? 2 : name.contains(text) ? 3 : 0;
            if (rank > 0) {
                best = Math.min(best, rank + (language.equals(locale) ? 0 : 3));
            }
        }
        return best;
    }

    private static String simplify(@Nullable String s) {
        return s == null
                ? ""
                : Normalizer.normalize(s.strip(), Normalizer.Form.NFKD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT);
    }
}
