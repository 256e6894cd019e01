package de.kontor.base.i18n;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Message arguments as a reader expects them: a point in time ({@link Instant} and friends) is written in
 * Kontor's time zone and the reader's language ("03.12.2026, 14:00", not "2026-12-03T13:00:00Z"), a day
 * as a date of that language. Other arguments stay as they are, so MessageFormat still formats numbers.
 * Applied to every text the UI translates ({@link KontorI18NProvider}) and to the REST error bodies.
 */
public final class MessageArguments {

    private MessageArguments() {}

    public static Object[] localize(Object @Nullable [] args, Locale locale, ZoneId zone) {
        if (args == null || args.length == 0) {
            return new Object[0];
        }
        Object[] localized = args.clone();
        for (int i = 0; i < localized.length; i++) {
            localized[i] = localize(localized[i], locale, zone);
        }
        return localized;
    }

    private static @Nullable Object localize(@Nullable Object arg, Locale locale, ZoneId zone) {
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
        return switch (arg) {
            case Instant instant -> dateTime.format(instant.atZone(zone));
            case ZonedDateTime time -> dateTime.format(time.withZoneSameInstant(zone));
            case OffsetDateTime time -> dateTime.format(time.atZoneSameInstant(zone));
            case LocalDateTime time -> dateTime.format(time);
            case LocalDate date ->
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(date);
            case null -> null;
            default -> arg;
        };
    }
}
