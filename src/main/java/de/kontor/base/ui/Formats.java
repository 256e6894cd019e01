package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as the UI shows them: in Kontor's time zone, in the user's language. */
public final class Formats {

    private Formats() {}

    public static String dateTime(@Nullable Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale())
                .format(instant.atZone(zone));
    }

    /** The day of an instant in {@code zone}. */
    public static String date(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : date(LocalDate.ofInstant(instant, zone));
    }

    public static String date(@Nullable LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale())
                .format(date);
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }
}
