package de.kontor.tally.ui;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts are whole numbers. What is typed must be one as it stands: "12,50", "12.5" or "1.000" are refused
 * with a message instead of being read as 1250 or 1000, as a number field that drops what it does not accept
 * would do.
 */
final class WholeNumbers {

    /** An optional sign (also the typographic minus) and up to 18 digits; nothing else. */
    private static final Pattern WHOLE = Pattern.compile("[+\\-\u2212]?\\d{1,18}");

    private WholeNumbers() {}

    /** The number typed, or empty when the text is not a whole number (blank text too). */
    static Optional<Long> parse(@Nullable String text) {
        String compact = text == null ? "" : text.strip();
        if (!WHOLE.matcher(compact).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(compact.replace('\u2212', '-')));
    }

    /** A blank field is no value; anything else must be a whole number within an {@code int}. */
    static Converter<String, Integer> toInteger(String notWholeMessage) {
        return new Converter<>() {
            @Override
            public Result<Integer> convertToModel(@Nullable String value, ValueContext context) {
                if (value == null || value.isBlank()) {
                    return Result.ok(null);
                }
                return parse(value)
                        .filter(n -> n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE)
                        .map(n -> Result.ok(n.intValue()))
                        .orElseGet(() -> Result.error(notWholeMessage));
            }

            @Override
            public String convertToPresentation(@Nullable Integer value, ValueContext context) {
                return value == null ? "" : value.toString();
            }
        };
    }
}
