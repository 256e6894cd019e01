package de.kontor.base.export;

import org.jspecify.annotations.Nullable;

import java.util.function.Function;

/**
 * One column of an export: its header and how to get the cell value from a row. Values may be
 * strings, numbers, booleans, {@link java.time.Instant}, {@link java.time.LocalDate},
 * {@link java.time.LocalDateTime} or anything else (exported by {@code toString()}).
 * <p>
 * Value functions run in a background thread: they must not touch the UI (no {@code getTranslation},
 * no {@code UI.getCurrent()}); translate with the request's locale through the I18N provider.
 *
 * @param relativeWidth the column's share of the page width in PDFs
 */
public record ExportColumn<T>(String header, Function<T, @Nullable Object> value, float relativeWidth) {

    public static <T> ExportColumn<T> of(String header, Function<T, @Nullable Object> value) {
        return new ExportColumn<>(header, value, 1f);
    }

    public ExportColumn<T> withWidth(float relativeWidth) {
        return new ExportColumn<>(header, value, relativeWidth);
    }
}
