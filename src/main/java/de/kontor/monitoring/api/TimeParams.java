package de.kontor.monitoring.api;

import de.kontor.base.error.DomainException;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The time parameters of the monitoring APIs, read the same way everywhere: a moment as ISO-8601 or epoch
 * seconds (what Prometheus-style clients send), a step as seconds, {@code 5m}-style or ISO-8601. A value that
 * does not parse is a field error naming the parameter; an absent one leaves the choice to the service.
 */
final class TimeParams {

    private TimeParams() {}

    static @Nullable Instant time(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(text)) : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw DomainException.invalidField(field, "TIME_INVALID", "monitoring.series.timeInvalid", text);
        }
    }

    static @Nullable Duration step(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField("step", "STEP_INVALID", "monitoring.series.stepInvalid");
        }
    }
}
