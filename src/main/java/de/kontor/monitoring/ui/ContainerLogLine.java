package de.kontor.monitoring.ui;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A container log line as the engine stamps it ({@code timestamps=true}: RFC 3339 time with nanoseconds, a
 * space, the text): the text to show, and the {@code since} that asks for the lines after it (Unix seconds with
 * nine decimals, one nanosecond later, as the engine's {@code since} includes its own time).
 */
record ContainerLogLine(String text, @Nullable String next) {

    static ContainerLogLine of(String line) {
        int space = line.indexOf(' ');
        if (space < 20) {
            return new ContainerLogLine(line, null);
        }
        try {
            Instant at = Instant.parse(line.substring(0, space)).plusNanos(1);
            return new ContainerLogLine(
                    line.substring(space + 1),
                    at.getEpochSecond() + "." + String.format(Locale.ROOT, "%09d", at.getNano()));
        } catch (DateTimeParseException notStamped) {
            return new ContainerLogLine(line, null);
        }
    }
}
