package de.kontor.printer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The printers' settings ({@code kontor.printer.*}). The defaults are in {@code application.properties},
 * next to the environment variable that overrides each; a value that does not fit stops the start with a
 * message naming the property.
 *
 * @param pollInterval how often the plugs are asked for their state, power and energy
 * @param parallelPolls how many plugs are asked at the same time
 * @param sampleRetention how long power samples (the chart of a printer) are kept
 * @param maxReservation the longest reservation
 * @param idleMinutes minutes below the idle threshold after a reservation's end before the power goes off
 * @param overrunLimit how long after its end a reservation whose printer still prints is checked again
 * @param recheckInterval how often an overrun reservation is checked again
 * @param plug how long to wait for a plug
 * @param demo the emulated plugs of demo mode
 * @param planner the working day of the reservation planner
 */
@Validated
@ConfigurationProperties("kontor.printer")
public record PrinterProperties(
        @NotNull Duration pollInterval,
        @Min(1) @Max(1000) int parallelPolls,
        @NotNull Duration sampleRetention,
        @NotNull Duration maxReservation,
        @Min(0) @Max(1440) int idleMinutes,
        @NotNull Duration overrunLimit,
        @NotNull Duration recheckInterval,
        @Valid @NotNull Plug plug,
        @Valid @NotNull Demo demo,
        @Valid @NotNull Planner planner) {

    /**
     * @param connectTimeout wait for a plug to accept a connection
     * @param readTimeout wait for a plug's answer
     */
    public record Plug(
            @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {}

    /**
     * @param enabled start the emulated demo plugs (on in demo mode)
     * @param basePort the first of the four loopback ports of the emulated demo plugs
     */
    public record Demo(boolean enabled, @Min(1) @Max(65_532) int basePort) {}

    /**
     * The working day in the reservation planner: it opens scrolled to {@code workStart}, and the hours
     * before it and from {@code workEnd} on are shaded as night (still bookable).
     *
     * @param workStart the first working hour (0–23)
     * @param workEnd the hour the evening starts (1–24), after {@code workStart}
     */
    public record Planner(
            @Min(0) @Max(23) int workStart, @Min(1) @Max(24) int workEnd) {

        public Planner {
            if (workEnd <= workStart) {
                throw new IllegalArgumentException("kontor.printer.planner.work-end (" + workEnd
                        + ") must be after kontor.printer.planner.work-start (" + workStart + ")");
            }
        }
    }
}
