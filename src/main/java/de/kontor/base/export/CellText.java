package de.kontor.base.export;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** How cell values read as text in PDFs and CSV files, per language. */
final class CellText {

    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final NumberFormat decimals;

    CellText(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        boolean german = "de".equals(locale.getLanguage());
        this.dateTime = DateTimeFormatter.ofPattern(german ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm", locale);
        this.date = DateTimeFormatter.ofPattern(german ? "dd.MM.yyyy" : "yyyy-MM-dd", locale);
        this.decimals = NumberFormat.getNumberInstance(locale);
        this.decimals.setGroupingUsed(false);
        this.decimals.setMaximumFractionDigits(6);
    }

    String format(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case String s -> s;
            case Instant i -> dateTime.format(i.atZone(zone));
            case LocalDateTime t -> dateTime.format(t);
            case ZonedDateTime t -> dateTime.format(t.withZoneSameInstant(zone));
            case OffsetDateTime t -> dateTime.format(t.atZoneSameInstant(zone));
            case LocalDate d -> date.format(d);
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case BigDecimal b -> decimals.format(b);
            case Double d -> decimals.format(d);
            case Float f -> decimals.format(f);
            case Boolean b -> "de".equals(locale.getLanguage()) ? (b ? "ja" : "nein") : (b ? "yes" : "no");
            case TemporalAccessor t -> t.toString();
            default -> value.toString();
        };
    }

    /** The date/time as it would appear in the user's zone, for spreadsheet date cells. */
    @Nullable
    LocalDateTime localDateTime(Object value) {
        return switch (value) {
            case Instant i -> LocalDateTime.ofInstant(i, zone);
            case LocalDateTime t -> t;
            case ZonedDateTime t -> t.withZoneSameInstant(zone).toLocalDateTime();
            case OffsetDateTime t -> t.atZoneSameInstant(zone).toLocalDateTime();
            default -> null;
        };
    }

    boolean german() {
        return "de".equals(locale.getLanguage());
    }
}
